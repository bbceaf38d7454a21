// Reference events for engine tests, built in a line each.
#ifndef FACTCHECK_TESTS_ENGINE_TEST_EVENTS_H_
#define FACTCHECK_TESTS_ENGINE_TEST_EVENTS_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/date.h"
#include "engine/reference_event.h"

namespace factcheck {

// A date from its TIMEX3 value ("2022-02-24", "2022-02", "2022"); the value
// must be valid.
inline PartialDate D(const std::string& timex) {
  return *PartialDate::FromTimex(timex);
}

// An undated event with `aliases` and one citation; tests set its dates.
inline ReferenceEvent Event(std::string id, std::string title,
                            std::vector<std::string> aliases) {
  ReferenceEvent e;
  e.id = std::move(id);
  e.title = std::move(title);
  e.aliases = std::move(aliases);
  e.citations.push_back({"https://example.org/" + e.id, "", "", ""});
  return e;
}

}  // namespace factcheck

#endif  // FACTCHECK_TESTS_ENGINE_TEST_EVENTS_H_
