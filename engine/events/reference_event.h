// The engine's view of a reference event: what the matcher and the checker
// need to know about a dated event, free of any storage or wire format.
#ifndef FACTCHECK_ENGINE_EVENTS_REFERENCE_EVENT_H_
#define FACTCHECK_ENGINE_EVENTS_REFERENCE_EVENT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/time/date.h"

namespace factcheck {

struct EventCitation {
  std::string url;
  std::string title;
  std::string publisher;
  std::string retrieved;  // ISO date the source was read.
};

struct ReferenceEvent {
  std::string id;
  std::string title;
  std::vector<std::string> aliases;
  std::string type;
  // Where it happened and who took part; words from these help tell apart
  // events that share a name ("the NATO summit ... in Vilnius").
  std::string location;
  std::vector<std::string> participants;
  // A one-time event has `date`; an event that lasted has `start` and, once
  // over, `end`. A series may have none.
  std::optional<PartialDate> date;
  std::optional<PartialDate> start;
  std::optional<PartialDate> end;
  // For a member of a numbered series: the series' event id and the
  // member's 1-based ordinal.
  std::string series_id;
  int ordinal = 0;
  std::vector<EventCitation> citations;
};

// OK when `event` is usable as a reference: an id of [a-z0-9-], 1 to 128
// characters; a title; dates with known years that are consistent (`date`
// xor `start`, `end` not before `start`); a positive ordinal with a series;
// and at least one citation with an http(s) URL. Otherwise InvalidArgument
// naming the field.
absl::Status ValidateReferenceEvent(const ReferenceEvent& event);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_REFERENCE_EVENT_H_
