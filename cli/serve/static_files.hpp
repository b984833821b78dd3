// cli/serve/static_files.hpp
//
// The web board's files, compiled into the binary (cli/web/), served for
// GET and HEAD; anything else outside /api/ is a 404 or 405.
#pragma once

#include "cli/serve/http_reply.hpp"

namespace cvtrack::serve {

Response static_file(const Request& request, bool keep_alive);

}  // namespace cvtrack::serve
