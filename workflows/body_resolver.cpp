#include "workflows/body_resolver.hpp"

#include <algorithm>
#include <array>

namespace cvtrack::workflows {

namespace {

// Words around a body's name that do not change which body is meant, as
// name_key()s. Forms of address come first ("các đ/c" keys to "đ c").
constexpr std::array<std::string_view, 3> kAddress = {"đồng chí", "đ c", "đc"};

// A person addressed by office resolves to the body they lead or sit on:
// "Bí thư Đảng ủy xã X" answers for the Đảng ủy xã X, "Ủy viên BTV Huyện ủy"
// for the BTV, "Thủ trưởng các cơ quan" for each cơ quan. Tasks are tracked
// per body, not per person (personnel change; the body stays).
// Longest first, so "phó bí thư" is not read as "phó" + "bí thư".
constexpr std::array<std::string_view, 17> kOffices = {
    "người đứng đầu", "phó giám đốc", "phó chủ nhiệm", "phó chủ tịch", "phó bí thư",
    "phó trưởng", "thành viên", "thủ trưởng", "giám đốc", "chủ nhiệm", "phó chánh",
    "chủ tịch", "lãnh đạo", "ủy viên", "bí thư", "trưởng", "chánh"};

// "... liên quan" narrows a group to those concerned; the directory cannot
// know which, so the phrase stands for the bodies it names.
constexpr std::array<std::string_view, 2> kTrailing = {" có liên quan", " liên quan"};

bool drop_prefix(std::string& key, std::string_view word) {
  if (key.size() <= word.size() || key.compare(0, word.size(), word) != 0 || key[word.size()] != ' ')
    return false;
  key.erase(0, word.size() + 1);
  return true;
}

bool drop_suffix(std::string& key, std::string_view tail) {
  if (key.size() <= tail.size() || key.compare(key.size() - tail.size(), tail.size(), tail) != 0)
    return false;
  key.erase(key.size() - tail.size());
  return true;
}

bool ends_with_words(std::string_view key, std::string_view tail) {
  return key.size() > tail.size() && key.substr(key.size() - tail.size()) == tail &&
         key[key.size() - tail.size() - 1] == ' ';
}

// One stripping step, or false when none applies.
bool strip_once(std::string& key) {
  if (drop_prefix(key, "các")) return true;
  for (auto word : kAddress) {
    if (drop_prefix(key, word)) return true;
  }
  for (auto word : kOffices) {
    if (drop_prefix(key, word)) return true;
  }
  for (auto tail : kTrailing) {
    if (drop_suffix(key, tail)) return true;
  }
  // "Ủy viên BCH ... phụ trách các xã": the person's charge, not the body.
  if (auto at = key.find(" phụ trách "); at != std::string::npos && at > 0) {
    key.erase(at);
    return true;
  }
  // "Huyện ủy viên", "Tỉnh ủy viên": a member of the Huyện/Tỉnh ủy.
  return key.ends_with(" ủy viên") && drop_suffix(key, " viên");
}

}  // namespace

BodyResolver::BodyResolver(const BodyDirectory& directory, std::optional<engine::Date> as_of)
    : directory_(directory), as_of_(as_of) {}

Resolution BodyResolver::resolve(std::string_view phrase) const {
  std::string key = name_key(phrase);
  for (;;) {
    if (key.empty()) return {};
    if (Resolution found = lookup(key); !found.empty()) return found;
    std::string before = key;
    if (!strip_once(key) || key == before) return {};
  }
}

std::string BodyResolver::shared_tail(std::string_view phrase) const {
  const std::string key = name_key(phrase);
  for (const auto& p : directory_.group_phrase_keys()) {
    if (ends_with_words(key, p.key)) return p.key;
  }
  const std::string& level = directory_.level_key();
  const std::string level_and_place = level + " " + directory_.place_key();
  if (ends_with_words(key, level_and_place)) return level_and_place;
  if (ends_with_words(key, level)) return level;
  return {};
}

// The key as written, then without "huyện"/"huyện Xuân Trường" at its end:
// in this directory that suffix only says "of this jurisdiction". A bare
// place name is not dropped: "Công an xã Sông Hinh" is not "Công an xã".
Resolution BodyResolver::lookup(const std::string& key) const {
  if (Resolution found = lookup_exact(key); !found.empty()) return found;
  const std::string& level = directory_.level_key();
  for (const std::string& suffix : {" " + level + " " + directory_.place_key(), " " + level}) {
    std::string shorter = key;
    if (drop_suffix(shorter, suffix)) {
      if (Resolution found = lookup_exact(shorter); !found.empty()) return found;
    }
  }
  return {};
}

Resolution BodyResolver::lookup_exact(const std::string& key) const {
  if (auto id = find_valid(key)) return {{*id}, false};
  const auto& phrases = directory_.group_phrase_keys();
  const auto ids_of = [&](const std::vector<std::size_t>& indices) {
    std::vector<std::string> ids;
    for (std::size_t i : indices) ids.push_back(directory_.bodies()[i].id);
    return ids;
  };
  for (const auto& p : phrases) {
    if (key == p.key) return {ids_of(valid_members(p.group)), true};
  }
  // "UBND các xã, thị trấn": the UBND of each commune.
  for (const auto& p : phrases) {
    if (!ends_with_words(key, p.key)) continue;
    std::string head = key.substr(0, key.size() - p.key.size() - 1);
    drop_suffix(head, " các");
    if (head == "các") continue;  // a bare "các": the next strip step finds the group
    if (auto ids = each_member_head(p.group, head); !ids.empty()) return {std::move(ids), true};
  }
  return {};
}

// `key` is made of name_key()s' words, so the directory can look it up as is.
std::optional<std::string> BodyResolver::find_valid(const std::string& key) const {
  const Body* body = directory_.find_by_key(key);
  if (!body || (as_of_ && !BodyDirectory::is_valid_on(*body, *as_of_))) return std::nullopt;
  return body->id;
}

std::vector<std::size_t> BodyResolver::valid_members(std::size_t group) const {
  std::vector<std::size_t> members;
  for (std::size_t i : directory_.member_indices(group)) {
    if (!as_of_ || BodyDirectory::is_valid_on(directory_.bodies()[i], *as_of_)) members.push_back(i);
  }
  return members;
}

// The head composed with each member's name: "ủy ban nhân dân" + "xã xuân
// hồng" is the key of "UBND xã Xuân Hồng". A member without such a body (a
// commune whose UBND is missing from the file) is left out.
std::vector<std::string> BodyResolver::each_member_head(std::size_t group, const std::string& head) const {
  std::vector<std::string> ids;
  const auto valid = [&](std::size_t body) {
    return !as_of_ || BodyDirectory::is_valid_on(directory_.bodies()[body], *as_of_);
  };
  // The directory's index holds, for each member in order and each of its
  // names in order, the body find_valid(head + " " + name) would look at.
  if (const auto* composed = directory_.composed_bodies(group, head)) {
    std::size_t given = std::string::npos;  // the member whose body was found
    for (const BodyDirectory::ComposedBody& c : *composed) {
      if (c.member == given || !valid(c.member) || !valid(c.body)) continue;
      given = c.member;  // its first name that finds a body is its only one
      const std::string& id = directory_.bodies()[c.body].id;
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  }
  for (std::size_t member : valid_members(group)) {
    for (const std::string& name : directory_.name_keys(member)) {
      if (auto id = find_valid(head + " " + name)) {
        if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
        break;
      }
    }
  }
  return ids;
}

}  // namespace cvtrack::workflows
