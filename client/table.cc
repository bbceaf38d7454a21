#include "client/table.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "client/utf8.h"

namespace factcheck::client {

std::string RenderTable(const std::vector<TableRow>& rows) {
  std::vector<std::size_t> widths;
  for (const TableRow& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], CodePointCount(row[i]));
    }
  }
  std::string out;
  for (const TableRow& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += row[i];
      if (i + 1 < row.size()) {
        out.append(widths[i] - CodePointCount(row[i]) + 2, ' ');
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace factcheck::client
