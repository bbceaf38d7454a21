// The editor page's files (web/editor/: HTML, CSS, JavaScript), compiled
// into the server from the repository's files at build time
// (server/CMakeLists.txt), so that a deployment serves the page without
// shipping or finding a directory of assets.
#ifndef FACTCHECK_SERVER_EDITOR_ASSETS_H_
#define FACTCHECK_SERVER_EDITOR_ASSETS_H_

#include "absl/strings/string_view.h"

namespace factcheck {

struct EditorAsset {
  absl::string_view body;
  absl::string_view content_type;
};

// The file served at `path` ("/", "/editor.css", "/editor.js"); an asset
// with an empty content type when there is none.
EditorAsset FindEditorAsset(absl::string_view path);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_EDITOR_ASSETS_H_
