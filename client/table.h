// Plain-text tables for list commands: one line per item, columns aligned
// so that a person can scan them and `cut`/`awk` can split them.
#ifndef FACTCHECK_CLIENT_TABLE_H_
#define FACTCHECK_CLIENT_TABLE_H_

#include <string>
#include <vector>

namespace factcheck::client {

using TableRow = std::vector<std::string>;

// Renders `rows` one per line, each column but the last padded to its widest
// cell (in code points) and separated by two spaces. The last column is not
// padded, so lines carry no trailing spaces.
std::string RenderTable(const std::vector<TableRow>& rows);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_TABLE_H_
