// Reads entities of a Wikidata JSON dump (the latest-all.json format: one
// entity object per line inside a JSON array) into reference events.
#ifndef FACTCHECK_SERVER_WIKIDATA_ENTITY_H_
#define FACTCHECK_SERVER_WIKIDATA_ENTITY_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "factcheck/v1/event.pb.h"

namespace factcheck {

// Maps one Wikidata item to a reference event:
//   id            "wikidata-q<N>" (our ids are lower case)
//   title         the English label
//   aliases       the English aliases
//   type          the first P31 (instance of) value, "wikidata:Q<N>"
//   date          P585 (point in time); failing that, start and end from
//                 P580 and P582 (start and end time)
//   location      P276 (location), else P17 (country), "wikidata:Q<N>":
//                 labels of other entities are not on the same line
//   participants  P710 (participant) values, "wikidata:Q<N>"
//   series        P179 (part of the series) as "wikidata-q<N>", with the
//                 ordinal from its P1545 (series ordinal) qualifier, or from
//                 a P1545 statement of the item itself; without an ordinal
//                 the membership is left out (our series need one)
//   origin        "wikidata:Q<N>", so that a re-import updates the event
//   citations     the item's page, title = label, publisher "Wikidata",
//                 retrieved = the date of the item's "modified" revision
//
// Of a property's statements, deprecated ones are ignored and a preferred
// one wins over normal ones; otherwise the first usable one is taken.
// Dates: Wikidata time values ("+2022-02-24T00:00:00Z") of precision 11
// (day; finer precisions are cut to the day), 10 (month) or 9 (year), with
// a year from 1 to 9999; coarser or out-of-range values are not usable.
// Day-precision dates in the proleptic Julian calendar are converted to
// Gregorian (our dates are Gregorian); month and year precision dates are
// taken as written.
//
// Not thread-safe: one parser per reading thread. Reuses its buffers, so
// parsing a dump allocates little per line.
class WikidataEntityParser {
 public:
  WikidataEntityParser();
  ~WikidataEntityParser();

  // Parses one entity object (without the dump's trailing comma). Returns
  // the event; nullopt for an entity that is not a dated event: not an item,
  // no English label, or no usable date; InvalidArgument naming the problem
  // when `json` is not valid JSON or not an entity. The event is not yet
  // validated (NormalizeEvent does that).
  absl::StatusOr<std::optional<v1::Event>> Parse(absl::string_view json);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "+2022-02-24T00:00:00Z" with Wikidata `precision` and `calendarmodel` as a
// TIMEX3 date ("2022-02-24", "2022-02", "2022"); nullopt when not usable (see
// above). Exposed for tests.
std::optional<std::string> WikidataTimeToTimex(absl::string_view time,
                                               int precision,
                                               absl::string_view calendar);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_WIKIDATA_ENTITY_H_
