// Readable views of stored resources: table rows for the list commands and
// detail blocks for the get commands.
#ifndef FACTCHECK_CLIENT_RESOURCES_H_
#define FACTCHECK_CLIENT_RESOURCES_H_

#include <string>

#include "client/table.h"
#include "factcheck/v1/fact_check_service.pb.h"

namespace factcheck::client {

// sources/ab12  2024-02-14  5 claims  1 contradicted  https://...  "Title"
TableRow SourceRow(const v1::Source& source);

// sources/ab12/claims/3  CONTRADICTED  events/full-scale-invasion
//   "February 2024" (2024-02) vs 2022-02-24
TableRow ClaimRow(const v1::Finding& finding);

// events/full-scale-invasion  2022-02-24  Russian full-scale invasion of ...
TableRow EventRow(const v1::Event& event);

// When an event happened: its date, "START..END" for an event that lasted
// ("START.." while ongoing), or "-" for a series without dates.
std::string EventWhen(const v1::Event& event);

// A source's fields one per line, then a blank line and its text.
std::string RenderSource(const v1::Source& source);

// An event's fields one per line, empty ones left out.
std::string RenderEvent(const v1::Event& event);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_RESOURCES_H_
