#include "server/wikidata_entity.h"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "simdjson.h"

namespace factcheck {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr absl::string_view kJulianCalendar =
    "http://www.wikidata.org/entity/Q1985786";

enum class Rank { kPreferred, kNormal, kDeprecated };

// What the value of a property's snaks is read as.
enum class ValueKind {
  kTime,    // A time value, read into a TIMEX3 date.
  kItem,    // An item, read as its Q-id.
  kString,  // A string (P1545 series ordinals are strings).
};

// One statement of a property, reduced to what the mapping uses.
struct Statement {
  Rank rank = Rank::kNormal;
  // The main value; nullopt when absent ("no value", "unknown value") or
  // not usable.
  std::optional<std::string> value;
  // The P1545 (series ordinal) qualifier, for P179 statements.
  std::optional<std::string> ordinal;
};

// The properties the mapping reads, each with its statements in file order.
struct Claims {
  std::vector<Statement> instance_of;    // P31
  std::vector<Statement> point_in_time;  // P585
  std::vector<Statement> start_time;     // P580
  std::vector<Statement> end_time;       // P582
  std::vector<Statement> location;       // P276
  std::vector<Statement> country;        // P17
  std::vector<Statement> participants;   // P710
  std::vector<Statement> series;         // P179
  std::vector<Statement> ordinal;        // P1545

  void Clear() {
    for (std::vector<Statement>* v :
         {&instance_of, &point_in_time, &start_time, &end_time, &location,
          &country, &participants, &series, &ordinal}) {
      v->clear();
    }
  }
};

// Reads a value of the kind a snak's datavalue has for `kind`. A value of
// another JSON type is not an error, just not usable.
error_code ReadDataValue(od::value& value, ValueKind kind,
                         std::optional<std::string>* out) {
  od::json_type type;
  if (error_code e = value.type().get(type)) return e;
  switch (kind) {
    case ValueKind::kString: {
      if (type != od::json_type::string) return simdjson::SUCCESS;
      std::string_view s;
      if (error_code e = value.get_string().get(s)) return e;
      *out = std::string(s);
      return simdjson::SUCCESS;
    }
    case ValueKind::kItem: {
      if (type != od::json_type::object) return simdjson::SUCCESS;
      od::object object;
      if (error_code e = value.get_object().get(object)) return e;
      std::optional<std::string> id;
      std::optional<std::uint64_t> numeric;
      for (auto field_result : object) {
        od::field field;
        if (error_code e = std::move(field_result).get(field)) return e;
        if (field.key() == "id") {
          std::string_view s;
          if (error_code e = field.value().get_string().get(s)) return e;
          id = std::string(s);
        } else if (field.key() == "numeric-id") {
          std::uint64_t n = 0;
          if (error_code e = field.value().get_uint64().get(n)) return e;
          numeric = n;
        }
      }
      if (id.has_value() && id->size() > 1 && (*id)[0] == 'Q') {
        *out = *std::move(id);
      } else if (numeric.has_value()) {
        *out = absl::StrCat("Q", *numeric);
      }
      return simdjson::SUCCESS;
    }
    case ValueKind::kTime: {
      if (type != od::json_type::object) return simdjson::SUCCESS;
      od::object object;
      if (error_code e = value.get_object().get(object)) return e;
      std::string time;
      std::string calendar;
      std::int64_t precision = -1;
      for (auto field_result : object) {
        od::field field;
        if (error_code e = std::move(field_result).get(field)) return e;
        if (field.key() == "time") {
          std::string_view s;
          if (error_code e = field.value().get_string().get(s)) return e;
          time = std::string(s);
        } else if (field.key() == "precision") {
          if (error_code e = field.value().get_int64().get(precision)) return e;
        } else if (field.key() == "calendarmodel") {
          std::string_view s;
          if (error_code e = field.value().get_string().get(s)) return e;
          calendar = std::string(s);
        }
      }
      *out = WikidataTimeToTimex(time, static_cast<int>(precision), calendar);
      return simdjson::SUCCESS;
    }
  }
  return simdjson::SUCCESS;
}

// Reads a snak: its datavalue when its snaktype is "value".
error_code ReadSnak(od::value& snak_value, ValueKind kind,
                    std::optional<std::string>* out) {
  od::object snak;
  if (error_code e = snak_value.get_object().get(snak)) return e;
  bool has_value = false;
  std::optional<std::string> value;
  for (auto field_result : snak) {
    od::field field;
    if (error_code e = std::move(field_result).get(field)) return e;
    if (field.key() == "snaktype") {
      std::string_view s;
      if (error_code e = field.value().get_string().get(s)) return e;
      has_value = s == "value";
    } else if (field.key() == "datavalue") {
      od::object datavalue;
      if (error_code e = field.value().get_object().get(datavalue)) return e;
      for (auto dv_result : datavalue) {
        od::field dv;
        if (error_code e = std::move(dv_result).get(dv)) return e;
        if (dv.key() == "value") {
          od::value v = dv.value();
          if (error_code e = ReadDataValue(v, kind, &value)) return e;
        }
      }
    }
  }
  if (has_value) *out = std::move(value);
  return simdjson::SUCCESS;
}

// Reads a property's statement array into `out`. `ordinals`: also read the
// P1545 qualifier of each statement.
error_code ReadStatements(od::value& statements_value, ValueKind kind,
                          bool ordinals, std::vector<Statement>* out) {
  od::array statements;
  if (error_code e = statements_value.get_array().get(statements)) return e;
  for (auto statement_result : statements) {
    od::object statement;
    if (error_code e = statement_result.get_object().get(statement)) return e;
    Statement s;
    for (auto field_result : statement) {
      od::field field;
      if (error_code e = std::move(field_result).get(field)) return e;
      if (field.key() == "mainsnak") {
        od::value snak = field.value();
        if (error_code e = ReadSnak(snak, kind, &s.value)) return e;
      } else if (field.key() == "rank") {
        std::string_view rank;
        if (error_code e = field.value().get_string().get(rank)) return e;
        if (rank == "preferred") s.rank = Rank::kPreferred;
        if (rank == "deprecated") s.rank = Rank::kDeprecated;
      } else if (ordinals && field.key() == "qualifiers") {
        od::object qualifiers;
        if (error_code e = field.value().get_object().get(qualifiers)) return e;
        for (auto q_result : qualifiers) {
          od::field q;
          if (error_code e = std::move(q_result).get(q)) return e;
          if (q.key() != "P1545") continue;
          od::array snaks;
          if (error_code e = q.value().get_array().get(snaks)) return e;
          for (auto snak_result : snaks) {
            od::value snak;
            if (error_code e = std::move(snak_result).get(snak)) return e;
            std::optional<std::string> ordinal;
            if (error_code e = ReadSnak(snak, ValueKind::kString, &ordinal))
              return e;
            if (!s.ordinal.has_value()) s.ordinal = std::move(ordinal);
          }
        }
      }
    }
    out->push_back(std::move(s));
  }
  return simdjson::SUCCESS;
}

// Reads the English value of a labels object ({"en":{"language":"en",
// "value":"..."}}). Entities without any label have `[]` instead.
error_code ReadEnglishLabel(od::value& labels_value,
                            std::optional<std::string>* out) {
  od::json_type type;
  if (error_code e = labels_value.type().get(type)) return e;
  if (type != od::json_type::object) return simdjson::SUCCESS;
  od::object labels;
  if (error_code e = labels_value.get_object().get(labels)) return e;
  for (auto field_result : labels) {
    od::field field;
    if (error_code e = std::move(field_result).get(field)) return e;
    if (field.key() != "en") continue;
    od::object label;
    if (error_code e = field.value().get_object().get(label)) return e;
    for (auto l_result : label) {
      od::field l;
      if (error_code e = std::move(l_result).get(l)) return e;
      if (l.key() != "value") continue;
      std::string_view s;
      if (error_code e = l.value().get_string().get(s)) return e;
      *out = std::string(s);
    }
  }
  return simdjson::SUCCESS;
}

// Reads the English aliases ({"en":[{"language":"en","value":"..."}, ...]}).
error_code ReadEnglishAliases(od::value& aliases_value,
                              std::vector<std::string>* out) {
  od::json_type type;
  if (error_code e = aliases_value.type().get(type)) return e;
  if (type != od::json_type::object) return simdjson::SUCCESS;
  od::object aliases;
  if (error_code e = aliases_value.get_object().get(aliases)) return e;
  for (auto field_result : aliases) {
    od::field field;
    if (error_code e = std::move(field_result).get(field)) return e;
    if (field.key() != "en") continue;
    od::array list;
    if (error_code e = field.value().get_array().get(list)) return e;
    for (auto alias_result : list) {
      od::object alias;
      if (error_code e = alias_result.get_object().get(alias)) return e;
      for (auto a_result : alias) {
        od::field a;
        if (error_code e = std::move(a_result).get(a)) return e;
        if (a.key() != "value") continue;
        std::string_view s;
        if (error_code e = a.value().get_string().get(s)) return e;
        out->emplace_back(s);
      }
    }
  }
  return simdjson::SUCCESS;
}

error_code ReadClaims(od::value& claims_value, Claims* claims) {
  od::json_type type;
  if (error_code e = claims_value.type().get(type)) return e;
  if (type != od::json_type::object) return simdjson::SUCCESS;  // `[]`.
  od::object object;
  if (error_code e = claims_value.get_object().get(object)) return e;
  for (auto field_result : object) {
    od::field field;
    if (error_code e = std::move(field_result).get(field)) return e;
    const od::raw_json_string key = field.key();
    std::vector<Statement>* out = nullptr;
    ValueKind kind = ValueKind::kItem;
    bool ordinals = false;
    if (key == "P31") {
      out = &claims->instance_of;
    } else if (key == "P585") {
      out = &claims->point_in_time, kind = ValueKind::kTime;
    } else if (key == "P580") {
      out = &claims->start_time, kind = ValueKind::kTime;
    } else if (key == "P582") {
      out = &claims->end_time, kind = ValueKind::kTime;
    } else if (key == "P276") {
      out = &claims->location;
    } else if (key == "P17") {
      out = &claims->country;
    } else if (key == "P710") {
      out = &claims->participants;
    } else if (key == "P179") {
      out = &claims->series, ordinals = true;
    } else if (key == "P1545") {
      out = &claims->ordinal, kind = ValueKind::kString;
    }
    if (out == nullptr) continue;  // Skipped unread.
    od::value statements = field.value();
    if (error_code e = ReadStatements(statements, kind, ordinals, out))
      return e;
  }
  return simdjson::SUCCESS;
}

// The statement a single-valued use takes: the first usable preferred one,
// else the first usable normal one.
const Statement* Best(const std::vector<Statement>& statements) {
  const Statement* normal = nullptr;
  for (const Statement& s : statements) {
    if (!s.value.has_value()) continue;
    if (s.rank == Rank::kPreferred) return &s;
    if (s.rank == Rank::kNormal && normal == nullptr) normal = &s;
  }
  return normal;
}

// "Q123" -> "wikidata-q123".
std::string EventIdFor(absl::string_view qid) {
  return absl::StrCat("wikidata-", absl::AsciiStrToLower(qid));
}

bool IsItemId(absl::string_view id) {
  if (id.size() < 2 || id[0] != 'Q') return false;
  for (char c : id.substr(1)) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return true;
}

// A positive ordinal from a P1545 string ("19"); 0 when it is not one.
int ParseOrdinal(const std::optional<std::string>& text) {
  int ordinal = 0;
  if (!text.has_value() || !absl::SimpleAtoi(*text, &ordinal) || ordinal < 1)
    return 0;
  return ordinal;
}

absl::Status InvalidJson(error_code e) {
  return absl::InvalidArgumentError(
      absl::StrCat("not valid JSON: ", simdjson::error_message(e)));
}

}  // namespace

std::optional<std::string> WikidataTimeToTimex(absl::string_view time,
                                               int precision,
                                               absl::string_view calendar) {
  // "+YYYY-MM-DDThh:mm:ssZ"; the year may have more than four digits.
  if (precision < 9 || time.size() < 2 || time[0] != '+') return std::nullopt;
  const std::size_t dash = time.find('-', 1);
  if (dash == absl::string_view::npos || time.size() < dash + 6 ||
      time[dash + 3] != '-') {
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0;
  if (!absl::SimpleAtoi(time.substr(1, dash - 1), &year) ||
      !absl::SimpleAtoi(time.substr(dash + 1, 2), &month) ||
      !absl::SimpleAtoi(time.substr(dash + 4, 2), &day)) {
    return std::nullopt;
  }
  if (year < 1 || year > 9999) return std::nullopt;
  if (precision == 9) return absl::StrFormat("%04d", year);
  if (month < 1 || month > 12) return std::nullopt;
  if (precision == 10) return absl::StrFormat("%04d-%02d", year, month);
  // Day precision, or finer (hours and below) cut to the day.
  if (day < 1 || day > 31) return std::nullopt;
  if (calendar == kJulianCalendar) {
    // Julian day number of the Julian calendar date, then the Gregorian
    // date of that day (absl's civil days are proleptic Gregorian; day
    // 2440588 is 1970-01-01).
    const int a = (14 - month) / 12;
    const std::int64_t y = year + 4800 - a;
    const int m = month + 12 * a - 3;
    const std::int64_t jdn = day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
    const absl::CivilDay gregorian =
        absl::CivilDay(1970, 1, 1) + (jdn - 2440588);
    if (gregorian.year() < 1 || gregorian.year() > 9999) return std::nullopt;
    return absl::StrFormat("%04d-%02d-%02d", gregorian.year(),
                           gregorian.month(), gregorian.day());
  }
  // A day that does not exist (2023-02-30) is not usable.
  const absl::CivilDay civil(year, month, day);
  if (civil.month() != month || civil.day() != day) return std::nullopt;
  return absl::StrFormat("%04d-%02d-%02d", year, month, day);
}

struct WikidataEntityParser::Impl {
  od::parser parser;
  // The line with simdjson's padding after it.
  std::string buffer;
  Claims claims;
};

WikidataEntityParser::WikidataEntityParser()
    : impl_(std::make_unique<Impl>()) {}
WikidataEntityParser::~WikidataEntityParser() = default;

absl::StatusOr<std::optional<v1::Event>> WikidataEntityParser::Parse(
    absl::string_view json) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end of its input.
  std::string& buffer = impl_->buffer;
  buffer.reserve(json.size() + simdjson::SIMDJSON_PADDING);
  buffer.assign(json.data(), json.size());
  od::document doc;
  if (error_code e =
          impl_->parser.iterate(buffer.data(), buffer.size(), buffer.capacity())
              .get(doc)) {
    return InvalidJson(e);
  }
  od::object entity;
  if (error_code e = doc.get_object().get(entity)) {
    return e == simdjson::INCORRECT_TYPE
               ? absl::InvalidArgumentError("not a JSON object")
               : InvalidJson(e);
  }
  std::string type;
  std::string id;
  std::optional<std::string> label;
  std::vector<std::string> aliases;
  std::string modified;
  Claims& claims = impl_->claims;
  claims.Clear();
  for (auto field_result : entity) {
    od::field field;
    if (error_code e = std::move(field_result).get(field))
      return InvalidJson(e);
    const od::raw_json_string key = field.key();
    od::value value = field.value();
    error_code e = simdjson::SUCCESS;
    std::string_view s;
    if (key == "type") {
      e = value.get_string().get(s);
      type = std::string(s);
    } else if (key == "id") {
      e = value.get_string().get(s);
      id = std::string(s);
    } else if (key == "labels") {
      e = ReadEnglishLabel(value, &label);
    } else if (key == "aliases") {
      e = ReadEnglishAliases(value, &aliases);
    } else if (key == "claims") {
      e = ReadClaims(value, &claims);
    } else if (key == "modified") {
      e = value.get_string().get(s);
      modified = std::string(s);
    }
    if (e) return InvalidJson(e);
  }
  if (type.empty() || id.empty()) {
    return absl::InvalidArgumentError(
        "not a Wikidata entity: no \"type\" or no \"id\"");
  }
  // Properties and lexemes are not events.
  if (type != "item") return std::nullopt;
  if (!IsItemId(id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("item id '", id, "' is not of the form Q<digits>"));
  }
  if (!label.has_value() || label->empty()) return std::nullopt;

  v1::Event event;
  const Statement* date = Best(claims.point_in_time);
  const Statement* start = Best(claims.start_time);
  if (date != nullptr) {
    event.mutable_date()->set_value(*date->value);
  } else if (start != nullptr) {
    event.mutable_start()->set_value(*start->value);
    if (const Statement* end = Best(claims.end_time); end != nullptr) {
      event.mutable_end()->set_value(*end->value);
    }
  } else {
    return std::nullopt;
  }
  event.set_id(EventIdFor(id));
  event.set_title(*label);
  for (std::string& alias : aliases) event.add_aliases(std::move(alias));
  if (const Statement* type_of = Best(claims.instance_of); type_of != nullptr) {
    event.set_type(absl::StrCat("wikidata:", *type_of->value));
  }
  const Statement* place = Best(claims.location);
  if (place == nullptr) place = Best(claims.country);
  if (place != nullptr) {
    event.set_location(absl::StrCat("wikidata:", *place->value));
  }
  for (const Statement& p : claims.participants) {
    if (p.value.has_value() && p.rank != Rank::kDeprecated) {
      event.add_participants(absl::StrCat("wikidata:", *p.value));
    }
  }
  // The first series statement with an ordinal: its P1545 qualifier (the
  // form real dumps use), else the item's own P1545 statement.
  const Statement* own_ordinal = Best(claims.ordinal);
  for (const Statement& s : claims.series) {
    if (!s.value.has_value() || s.rank == Rank::kDeprecated) continue;
    int ordinal = ParseOrdinal(s.ordinal);
    if (ordinal == 0 && own_ordinal != nullptr) {
      ordinal = ParseOrdinal(own_ordinal->value);
    }
    if (ordinal == 0) continue;
    event.mutable_series()->set_series(EventIdFor(*s.value));
    event.mutable_series()->set_ordinal(ordinal);
    break;
  }
  event.set_origin(absl::StrCat("wikidata:", id));
  v1::Citation* citation = event.add_citations();
  citation->set_url(absl::StrCat("https://www.wikidata.org/wiki/", id));
  citation->set_title(*label);
  citation->set_publisher("Wikidata");
  if (modified.size() >= 10) citation->set_retrieved(modified.substr(0, 10));
  return event;
}

}  // namespace factcheck
