// cli/serve/request_target.hpp
//
// A request target split the way the router needs it: "/api/tasks/T1.5/ack"
// → {"api","tasks","T1.5","ack"}, and the query "?body=B&overdue=1"
// percent-decoded. Segments "." and ".." and encoded slashes are refused
// rather than interpreted: ids never contain them, so they can only be
// someone probing for paths.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.hpp"

namespace cvtrack::serve {

struct RequestTarget {
  std::vector<std::string> segments;
  std::map<std::string, std::string> query;

  std::optional<std::string> param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }
};

// bad_input for malformed percent-encoding, dot segments or NUL bytes.
engine::Result<RequestTarget> parse_target(std::string_view target);

}  // namespace cvtrack::serve
