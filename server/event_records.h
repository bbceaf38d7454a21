// Conversions between the wire records (factcheck.v1 messages) and the
// engine's types, with the validation of reference events on the way in.
#ifndef FACTCHECK_SERVER_EVENT_RECORDS_H_
#define FACTCHECK_SERVER_EVENT_RECORDS_H_

#include "absl/status/statusor.h"
#include "engine/checker.h"
#include "engine/events/reference_event.h"
#include "factcheck/v1/claim.pb.h"
#include "factcheck/v1/event.pb.h"

namespace factcheck {

// Validates `event` as a reference event and normalises it for storage:
// `name` is set to "events/{id}", date granularities are derived from
// their values (a granularity given that disagrees with its value is an
// error). InvalidArgument names the field at fault.
absl::StatusOr<v1::Event> NormalizeEvent(const v1::Event& event);

// The engine's view of a stored (normalised) event.
ReferenceEvent ToReferenceEvent(const v1::Event& event);

// The wire form of an engine finding; `name` of the claim is left empty.
v1::Finding ToProto(const Finding& finding);
v1::TimeExpression ToProto(const LocatedTimeExpression& time);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_EVENT_RECORDS_H_
