// Reference events for engine tests, built in a line each.
#ifndef FACTCHECK_TESTS_ENGINE_TEST_EVENTS_H_
#define FACTCHECK_TESTS_ENGINE_TEST_EVENTS_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/time/date.h"
#include "engine/events/reference_event.h"

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

// Two events several engine tests check against: the full-scale invasion
// (ongoing since 24 February 2022) and the Wagner mutiny (23-24 June 2023).
inline ReferenceEvent Invasion() {
  ReferenceEvent e = Event("invasion", "Russian full-scale invasion of Ukraine",
                           {"full-scale invasion"});
  e.start = D("2022-02-24");
  return e;
}

inline ReferenceEvent WagnerMutiny() {
  ReferenceEvent e =
      Event("mutiny", "Wagner Group rebellion", {"Wagner mutiny"});
  e.start = D("2023-06-23");
  e.end = D("2023-06-24");
  return e;
}

}  // namespace factcheck

#endif  // FACTCHECK_TESTS_ENGINE_TEST_EVENTS_H_
