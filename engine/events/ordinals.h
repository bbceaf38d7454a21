// Ordinals written before an event's name: "the 19th meeting", "the
// nineteenth", "the twenty-first summit", which pick a member of a
// numbered series. Internal to engine/events/.
#ifndef FACTCHECK_ENGINE_EVENTS_ORDINALS_H_
#define FACTCHECK_ENGINE_EVENTS_ORDINALS_H_

#include <cstddef>
#include <vector>

#include "engine/document/words.h"

namespace factcheck {

// The ordinal that ends just before words[at] ("19th", "nineteenth",
// "twenty-first"), or 0. Sets `*word_count` to the words it spans.
int OrdinalBefore(const std::vector<Word>& words, std::size_t at,
                  std::size_t* word_count);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_ORDINALS_H_
