#include "server/http_route.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace factcheck {

absl::StatusOr<PathTemplate> PathTemplate::Parse(absl::string_view text) {
  const auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat("path template '", text, "': ", why));
  };
  absl::string_view rest = text;
  if (!absl::ConsumePrefix(&rest, "/")) return bad("does not start with /");
  PathTemplate parsed;
  parsed.text_ = std::string(text);
  // Split at the slashes outside braces: "{name=events/*}" is one piece
  // here and its pattern's segments are split below.
  std::vector<std::string> pieces;
  std::string piece;
  int depth = 0;
  for (const char c : rest) {
    if (c == '{') ++depth;
    if (c == '}') --depth;
    if (c == '/' && depth == 0) {
      pieces.push_back(std::move(piece));
      piece.clear();
    } else {
      piece += c;
    }
  }
  pieces.push_back(std::move(piece));
  for (absl::string_view p : pieces) {
    if (p.empty()) return bad("has an empty segment");
    if (!absl::ConsumePrefix(&p, "{")) {
      if (absl::StrContains(p, "}")) return bad("has an unopened '}'");
      parsed.segments_.push_back({.literal = std::string(p)});
      continue;
    }
    if (!absl::ConsumeSuffix(&p, "}")) return bad("has an unclosed '{'");
    const std::vector<absl::string_view> variable =
        absl::StrSplit(p, absl::MaxSplits('=', 1));
    if (variable.size() != 2 || variable[0].empty() || variable[1].empty()) {
      return bad("has a variable that is not {field=pattern}");
    }
    const std::size_t first = parsed.segments_.size();
    for (absl::string_view s : absl::StrSplit(variable[1], '/')) {
      if (s.empty()) return bad("has an empty segment");
      if (s == "**") return bad("uses '**', which is not supported");
      parsed.segments_.push_back({.literal = s == "*" ? "" : std::string(s)});
    }
    parsed.segments_[first].variable = std::string(variable[0]);
    parsed.segments_.back().ends_variable = true;
  }
  return parsed;
}

std::optional<std::vector<PathBinding>> PathTemplate::Match(
    absl::string_view path) const {
  if (!absl::ConsumePrefix(&path, "/")) return std::nullopt;
  const std::vector<absl::string_view> parts = absl::StrSplit(path, '/');
  if (parts.size() != segments_.size()) return std::nullopt;
  std::vector<PathBinding> bindings;
  std::vector<absl::string_view> bound;
  std::string field;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Segment& segment = segments_[i];
    if (segment.literal.empty() ? parts[i].empty()
                                : parts[i] != segment.literal) {
      return std::nullopt;
    }
    if (!segment.variable.empty()) field = segment.variable;
    if (!field.empty()) bound.push_back(parts[i]);
    if (segment.ends_variable) {
      bindings.emplace_back(std::move(field), absl::StrJoin(bound, "/"));
      field.clear();
      bound.clear();
    }
  }
  return bindings;
}

}  // namespace factcheck
