// workflows/body_resolver.hpp
//
// Turns a body phrase as a document writes it ("UBND huyện", "Bí thư Đảng ủy
// các xã, thị trấn", "Các ban đảng của Tỉnh ủy") into directory ids. Matching
// goes through name_key(), so case, tone placement (uỷ/ủy) and the usual
// abbreviations (UBND, HĐND, MTTQ, BTV, BCĐ, VPHU, TT ...) do not matter.
// A group phrase expands into its members, and a group phrase with a head
// ("UBND các xã, thị trấn") into that head's body in each member.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/date.hpp"
#include "workflows/body_directory.hpp"

namespace cvtrack::workflows {

struct Resolution {
  std::vector<std::string> body_ids;  // empty: the directory does not hold the phrase
  bool expanded_group = false;        // the ids are the members of a group
  bool empty() const { return body_ids.empty(); }
};

// Holds a reference: `directory` must outlive the resolver.
class BodyResolver {
 public:
  // With `as_of`, bodies that did not exist that day (valid_from/valid_to)
  // are treated as absent, so a 2021 document never lands on a body formed
  // by a later merger.
  explicit BodyResolver(const BodyDirectory& directory,
                        std::optional<engine::Date> as_of = std::nullopt);

  Resolution resolve(std::string_view phrase) const;

  // The qualifier a list of bodies shares at its end, as a name_key: the
  // group phrase in "Đảng ủy - UBND các xã, thị trấn" ("xã thị trấn"), or the
  // jurisdiction's level word in "HĐND, UBND huyện" ("huyện"). Empty when the
  // phrase ends with neither.
  std::string shared_tail(std::string_view phrase) const;

  const BodyDirectory& directory() const { return directory_; }

 private:
  Resolution lookup(const std::string& key) const;
  Resolution lookup_exact(const std::string& key) const;
  std::optional<std::string> find_valid(const std::string& key) const;
  std::vector<std::size_t> valid_members(std::size_t group) const;  // indices into bodies()
  std::vector<std::string> each_member_head(std::size_t group, const std::string& head) const;

  // The keys it compares (group phrases, members' names, the jurisdiction's
  // level and place) are the directory's, computed once when it was loaded:
  // a resolver is made per document, so it computes none of its own.
  const BodyDirectory& directory_;
  std::optional<engine::Date> as_of_;
};

}  // namespace cvtrack::workflows
