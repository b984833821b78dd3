#include "workflows/body_directory.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::ErrorCode;
using engine::make_error;
using nlohmann::json;

namespace {

// Thrown only inside from_json and caught there: the JSON walk is deep and a
// value-returning check at every field would bury the format in plumbing.
struct FormatError {
  std::string message;
};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

const json& field(const json& object, const char* key, const std::string& where) {
  if (!object.contains(key)) throw FormatError{where + ": missing " + in_quotes(key)};
  return object.at(key);
}

std::string string_field(const json& object, const char* key, const std::string& where) {
  const json& value = field(object, key, where);
  if (!value.is_string() || value.get_ref<const std::string&>().empty())
    throw FormatError{where + ": " + in_quotes(key) + " must be a non-empty string"};
  return value.get<std::string>();
}

std::optional<std::string> optional_string(const json& object, const char* key,
                                           const std::string& where) {
  if (!object.contains(key) || object.at(key).is_null()) return std::nullopt;
  return string_field(object, key, where);
}

std::vector<std::string> string_list(const json& object, const char* key, const std::string& where) {
  if (!object.contains(key) || object.at(key).is_null()) return {};
  const json& value = object.at(key);
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const json& item : value) {
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) break;
      out.push_back(item.get<std::string>());
    }
    if (out.size() == value.size()) return out;
  }
  throw FormatError{where + ": " + in_quotes(key) + " must be a list of non-empty strings"};
}

std::optional<engine::Date> optional_date(const json& object, const char* key,
                                          const std::string& where) {
  auto text = optional_string(object, key, where);
  if (!text) return std::nullopt;
  auto date = engine::parse_iso_date(*text);
  if (!date) throw FormatError{where + ": " + in_quotes(key) + " is not a YYYY-MM-DD date: " + *text};
  return date;
}

bool is_ascii_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Body body_from_json(const json& j, std::size_t position) {
  std::string where = "body #" + std::to_string(position + 1);
  if (!j.is_object()) throw FormatError{where + ": expected an object"};
  Body b;
  b.id = string_field(j, "id", where);
  where = "body " + in_quotes(b.id);
  if (!is_ascii_id(b.id)) throw FormatError{where + ": id must be lower-case ascii letters, digits and '-'"};
  b.name = string_field(j, "name", where);
  b.kind = string_field(j, "kind", where);
  b.parent = optional_string(j, "parent", where);
  b.aliases = string_list(j, "aliases", where);
  b.groups = string_list(j, "groups", where);
  b.valid_from = optional_date(j, "valid_from", where);
  b.valid_to = optional_date(j, "valid_to", where);
  if (b.valid_from && b.valid_to && *b.valid_to < *b.valid_from)
    throw FormatError{where + ": valid_to is before valid_from"};
  b.note = optional_string(j, "note", where);
  b.source = optional_string(j, "source", where);
  return b;
}

BodyGroup group_from_json(const json& j, std::size_t position) {
  std::string where = "group #" + std::to_string(position + 1);
  if (!j.is_object()) throw FormatError{where + ": expected an object"};
  BodyGroup g;
  g.id = string_field(j, "id", where);
  where = "group " + in_quotes(g.id);
  if (!is_ascii_id(g.id)) throw FormatError{where + ": id must be lower-case ascii letters, digits and '-'"};
  g.name = string_field(j, "name", where);
  g.phrases = string_list(j, "phrases", where);
  if (g.phrases.empty()) throw FormatError{where + ": \"phrases\" must name at least one phrase"};
  g.note = optional_string(j, "note", where);
  return g;
}


// The abbreviations documents use for kinds of bodies, by folded token. They
// are the language of Vietnamese administration, not facts of a jurisdiction,
// so every directory shares them; place- and body-specific short forms (VPHU,
// BTVHU, Phòng TC-KH) are aliases in the directory files.
const std::map<std::string, std::string, std::less<>>& abbreviations() {
  static const std::map<std::string, std::string, std::less<>> table = {
      {"ubnd", "ủy ban nhân dân"},      {"hđnd", "hội đồng nhân dân"},
      {"mttq", "mặt trận tổ quốc"},     {"mttqvn", "mặt trận tổ quốc việt nam"},
      {"ubmttq", "ủy ban mặt trận tổ quốc"},
      {"ubmttqvn", "ủy ban mặt trận tổ quốc việt nam"},
      {"btv", "ban thường vụ"},         {"bcđ", "ban chỉ đạo"},
      {"ubkt", "ủy ban kiểm tra"},      {"vp", "văn phòng"},
      {"hu", "huyện ủy"},               {"tu", "tỉnh ủy"},
      {"đu", "đảng ủy"},                {"đuk", "đảng ủy khối"},
      {"tthu", "thường trực huyện ủy"}, {"tttu", "thường trực tỉnh ủy"},
      {"btvhu", "ban thường vụ huyện ủy"}, {"btvtu", "ban thường vụ tỉnh ủy"},
      {"vphu", "văn phòng huyện ủy"},   {"vptu", "văn phòng tỉnh ủy"},
      {"tccsđ", "tổ chức cơ sở đảng"},  {"bcsđ", "ban cán sự đảng"},
      {"chqs", "chỉ huy quân sự"},      {"bchqs", "ban chỉ huy quân sự"},
      {"bđbp", "bộ đội biên phòng"},    {"ttyt", "trung tâm y tế"},
      {"bvđk", "bệnh viện đa khoa"},    {"syt", "sở y tế"},
      {"lđlđ", "liên đoàn lao động"},   {"lhpn", "liên hiệp phụ nữ"},
      {"ccb", "cựu chiến binh"},        {"hnd", "hội nông dân"},
      {"tp", "thành phố"},              {"tx", "thị xã"},
      {"pc", "phòng chống"},            {"đbqh", "đại biểu quốc hội"},
  };
  return table;
}

// abbreviations() hashed, for name_key() and find_by_key(), which ask of
// every word (a walk down the ordered map compared strings at each step).
const std::string* expansion_of(std::string_view word) {
  static const auto hashed = [] {
    std::unordered_map<std::string_view, const std::string*> h;
    for (const auto& [short_form, long_form] : abbreviations()) h.emplace(short_form, &long_form);
    return h;
  }();
  auto it = hashed.find(word);
  return it == hashed.end() ? nullptr : it->second;
}

// "TT" is "thường trực" before the body it is the standing part of ("TT
// Huyện ủy", "TT HĐND") and "thị trấn" before a place ("TT Hai Riêng").
bool starts_standing_body(std::string_view next) {
  static const std::set<std::string, std::less<>> body_words = {
      "huyện", "tỉnh", "thành", "hđnd", "hội", "ubnd", "ủy", "ban", "btv", "đảng", "hu", "tu"};
  return body_words.count(next) > 0;
}

// Bytes that separate words in a name but carry no meaning for matching.
std::string spaced_punctuation(std::string_view folded) {
  static const std::pair<std::string_view, std::string_view> replacements[] = {
      {"\u2019", "'"}, {"\u2018", "'"}, {"\u2013", " "}, {"\u2014", " "},
      {"\u201C", " "}, {"\u201D", " "}, {"&", " và "},
  };
  std::string out;
  for (std::size_t i = 0; i < folded.size();) {
    bool replaced = false;
    // Every replacement starts with '&' or E2, the first byte of U+2013..U+201D.
    const bool may_replace = folded[i] == '&' || folded[i] == '\xE2';
    for (const auto& [from, to] : replacements) {
      if (!may_replace) break;
      if (folded.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    char c = folded[i++];
    out.push_back(std::string_view(",;:.()[]\"/-+").find(c) == std::string_view::npos ? c : ' ');
  }
  return out;
}

// Does find_by_key() look `key` up as it is? Of name_key()'s steps, only
// those that look at a word's neighbours can change words that came from
// keys: a leading "các" is dropped, "tt" before another word spelled out.
// Text with those goes the long way; so does any word name_key() would drop
// or spell out.
bool looked_up_as_is(std::string_view key) {
  if (key.empty() || key.front() == ' ' || key.back() == ' ') return false;
  for (std::size_t at = 0; at < key.size();) {
    std::size_t end = std::min(key.find(' ', at), key.size());
    std::string_view word = key.substr(at, end - at);
    if (word.empty() || (at == 0 && word == "các") || word == "của" || expansion_of(word) != nullptr ||
        (word == "tt" && end < key.size()))
      return false;
    at = end + 1;
  }
  return true;
}

}  // namespace

std::string name_key(std::string_view text) {
  // The words, split at white space as reading them from a stream did.
  const std::string spaced = spaced_punctuation(fold(text));
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  std::vector<std::string_view> tokens;
  for (std::size_t at = 0; at < spaced.size();) {
    while (at < spaced.size() && is_space(spaced[at])) ++at;
    std::size_t end = at;
    while (end < spaced.size() && !is_space(spaced[end])) ++end;
    if (end > at) tokens.push_back(std::string_view(spaced).substr(at, end - at));
    at = end;
  }
  std::string key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view word = tokens[i];
    if (word == "của" || (key.empty() && word == "các")) continue;
    std::string expanded(word);
    if (word == "tt" && i + 1 < tokens.size()) {
      expanded = starts_standing_body(tokens[i + 1]) ? "thường trực" : "thị trấn";
    } else if (const std::string* long_form = expansion_of(word)) {
      expanded = *long_form;
    }
    if (!key.empty()) key.push_back(' ');
    key += expanded;
  }
  return key;
}

engine::Result<BodyDirectory> BodyDirectory::load(const std::filesystem::path& path) {
  // A folder opens as a stream on Linux and reads as empty: say what it is.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return make_error(ErrorCode::bad_input, path.string() + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::not_found, path.string() + ": cannot read the directory file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::bad_input, path.string() + ": cannot read the directory file");
  return from_json(text.str(), path.string());
}

engine::Result<BodyDirectory> BodyDirectory::from_json(std::string_view json_text,
                                                       std::string_view source_name) {
  const std::string prefix = std::string(source_name) + ": ";
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    return make_error(ErrorCode::bad_input, prefix + "malformed JSON at byte " +
                                                std::to_string(e.byte) + ": " + e.what());
  }
  BodyDirectory dir;
  try {
    if (!root.is_object()) throw FormatError{"expected a JSON object at the top"};
    if (root.value("format", "") != "cvtrack-body-directory")
      throw FormatError{"\"format\" must be \"cvtrack-body-directory\""};
    if (!root.contains("version") || root.at("version") != 1)
      throw FormatError{"unsupported \"version\" (this cvtrack reads version 1)"};
    const json& where = field(root, "jurisdiction", "directory");
    dir.jurisdiction_.name = string_field(where, "name", "jurisdiction");
    dir.jurisdiction_.level = string_field(where, "level", "jurisdiction");
    dir.jurisdiction_.full_name =
        optional_string(where, "full_name", "jurisdiction").value_or(dir.jurisdiction_.name);
    const json& groups = root.contains("groups") ? root.at("groups") : json::array();
    if (!groups.is_array()) throw FormatError{"\"groups\" must be a list"};
    for (std::size_t i = 0; i < groups.size(); ++i) dir.groups_.push_back(group_from_json(groups[i], i));
    const json& bodies = field(root, "bodies", "directory");
    if (!bodies.is_array()) throw FormatError{"\"bodies\" must be a list"};
    for (std::size_t i = 0; i < bodies.size(); ++i) dir.bodies_.push_back(body_from_json(bodies[i], i));
  } catch (const FormatError& e) {
    return make_error(ErrorCode::bad_input, prefix + e.message);
  } catch (const json::exception& e) {  // a field of the wrong type, e.g. "format": 1
    return make_error(ErrorCode::bad_input, prefix + e.what());
  }
  if (auto indexed = dir.index(source_name); !indexed) return indexed.error();
  return dir;
}

engine::Status BodyDirectory::index(std::string_view source_name) {
  const std::string prefix = std::string(source_name) + ": ";
  auto refuse = [&](const std::string& message) -> engine::Status {
    return make_error(ErrorCode::bad_input, prefix + message);
  };
  for (std::size_t i = 0; i < groups_.size(); ++i) {
    if (!group_by_id_.emplace(groups_[i].id, i).second)
      return refuse("group " + in_quotes(groups_[i].id) + ": duplicate id");
  }
  for (std::size_t i = 0; i < bodies_.size(); ++i) {
    if (!by_id_.emplace(bodies_[i].id, i).second)
      return refuse("body " + in_quotes(bodies_[i].id) + ": duplicate id");
  }
  std::set<std::string, std::less<>> used_groups;
  for (const Body& b : bodies_) {
    const std::string where = "body " + in_quotes(b.id);
    if (b.parent && !by_id_.count(*b.parent)) return refuse(where + ": unknown parent " + in_quotes(*b.parent));
    for (const std::string& g : b.groups) {
      if (!group_by_id_.count(g)) return refuse(where + ": unknown group " + in_quotes(g));
      used_groups.insert(g);
    }
    std::vector<std::string> names = b.aliases;
    names.insert(names.begin(), b.name);
    std::vector<std::string>& keys = name_keys_.emplace_back();
    for (const std::string& name : names) {
      std::string key = name_key(name);
      if (key.empty()) return refuse(where + ": alias " + in_quotes(name) + " has no letters");
      keys.push_back(key);
      auto [it, added] = by_name_key_.emplace(key, by_id_.at(b.id));
      if (!added && bodies_[it->second].id != b.id)
        return refuse(where + ": name or alias " + in_quotes(name) + " is also claimed by body " +
                      in_quotes(bodies_[it->second].id));
    }
  }
  // A body that only leads into a cycle walks bodies_.size() links and stops;
  // the cycle is reported at the first of its own members.
  for (const Body& b : bodies_) {
    std::string chain = b.id;
    const Body* at = &b;
    for (std::size_t steps = 0; at->parent && steps < bodies_.size(); ++steps) {
      at = &bodies_[by_id_.at(*at->parent)];
      chain += " -> " + at->id;
      if (at == &b) return refuse("body " + in_quotes(b.id) + ": parent cycle " + chain);
    }
  }
  for (std::size_t i = 0; i < groups_.size(); ++i) {
    const std::string where = "group " + in_quotes(groups_[i].id);
    if (!used_groups.count(groups_[i].id)) return refuse(where + ": no body is a member");
    for (const std::string& phrase : groups_[i].phrases) {
      std::string key = name_key(phrase);
      if (auto body = by_name_key_.find(key); body != by_name_key_.end())
        return refuse(where + ": phrase " + in_quotes(phrase) + " is also a name of body " +
                      in_quotes(bodies_[body->second].id));
      auto [it, added] = group_by_phrase_key_.emplace(key, i);
      if (!added && it->second != i)
        return refuse(where + ": phrase " + in_quotes(phrase) + " is also claimed by group " +
                      in_quotes(groups_[it->second].id));
      group_phrase_keys_.push_back({key, i});
    }
  }
  std::stable_sort(group_phrase_keys_.begin(), group_phrase_keys_.end(),
                   [](const GroupPhraseKey& a, const GroupPhraseKey& b) { return a.key.size() > b.key.size(); });
  member_indices_.resize(groups_.size());
  for (std::size_t i = 0; i < bodies_.size(); ++i) {
    for (const std::string& g : bodies_[i].groups) {
      std::vector<std::size_t>& members = member_indices_[group_by_id_.at(g)];
      if (members.empty() || members.back() != i) members.push_back(i);
    }
  }
  index_composed_bodies();
  level_key_ = name_key(jurisdiction_.level);
  place_key_ = name_key(jurisdiction_.name);
  return engine::Ok{};
}

const Body* BodyDirectory::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &bodies_[it->second];
}

const BodyGroup* BodyDirectory::find_group(std::string_view id) const {
  auto it = group_by_id_.find(id);
  return it == group_by_id_.end() ? nullptr : &groups_[it->second];
}

const Body* BodyDirectory::find_by_name(std::string_view name) const {
  auto it = by_name_key_.find(name_key(name));
  return it == by_name_key_.end() ? nullptr : &bodies_[it->second];
}

const Body* BodyDirectory::find_by_key(std::string_view key) const {
  if (!looked_up_as_is(key)) return find_by_name(key);
  auto it = by_name_key_.find(key);
  return it == by_name_key_.end() ? nullptr : &bodies_[it->second];
}

// find_by_key(head + " " + name) looks the key up as it is exactly when
// "head x" and "x name" both are (x a plain word): the words of the head
// keep their places (the first is first, each has a word after it), and
// the words of the name theirs (none is first, the last is last).
void BodyDirectory::index_composed_bodies() {
  composed_.assign(groups_.size(), {});
  composed_indexed_.assign(groups_.size(), true);
  std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, ComposedBody>>> by_name;  // -> group
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (std::size_t member : member_indices_[g]) {
      for (std::size_t n = 0; n < name_keys_[member].size(); ++n) {
        const std::string& name = name_keys_[member][n];
        if (!looked_up_as_is("x " + name)) composed_indexed_[g] = false;
        by_name[name].push_back({g, {member, n, 0}});
      }
    }
  }
  for (const auto& [key, body] : by_name_key_) {
    for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
      auto named = by_name.find(std::string_view(key).substr(space + 1));
      if (named == by_name.end()) continue;
      for (auto [g, composed] : named->second) {
        composed.body = body;
        composed_[g][key.substr(0, space)].push_back(composed);
      }
    }
  }
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (!composed_indexed_[g]) composed_[g].clear();
    for (auto& [head, bodies] : composed_[g])
      std::sort(bodies.begin(), bodies.end(), [](const ComposedBody& a, const ComposedBody& b) {
        return a.member != b.member ? a.member < b.member : a.name < b.name;
      });
  }
}

const std::vector<BodyDirectory::ComposedBody>* BodyDirectory::composed_bodies(std::size_t group,
                                                                               std::string_view head) const {
  static const std::vector<ComposedBody> none;
  if (!composed_indexed_[group] || !looked_up_as_is(std::string(head) + " x")) return nullptr;
  auto it = composed_[group].find(head);
  return it == composed_[group].end() ? &none : &it->second;
}

const BodyGroup* BodyDirectory::find_group_by_phrase(std::string_view phrase) const {
  auto it = group_by_phrase_key_.find(name_key(phrase));
  return it == group_by_phrase_key_.end() ? nullptr : &groups_[it->second];
}

std::vector<const Body*> BodyDirectory::children(std::string_view id) const {
  std::vector<const Body*> out;
  for (const Body& b : bodies_) {
    if (b.parent && *b.parent == id) out.push_back(&b);
  }
  return out;
}

std::vector<const Body*> BodyDirectory::members(std::string_view group_id) const {
  std::vector<const Body*> out;
  for (const Body& b : bodies_) {
    for (const std::string& g : b.groups) {
      if (g == group_id) {
        out.push_back(&b);
        break;
      }
    }
  }
  return out;
}

std::vector<const Body*> BodyDirectory::ancestors(std::string_view id) const {
  std::vector<const Body*> out;
  const Body* body = find(id);
  // Invariant (index): parent links name known bodies and form no cycle.
  while (body && body->parent) {
    body = find(*body->parent);
    out.push_back(body);
  }
  return out;
}

bool BodyDirectory::is_under(std::string_view id, std::string_view ancestor_id) const {
  for (const Body* above : ancestors(id)) {
    if (above->id == ancestor_id) return true;
  }
  return false;
}

bool BodyDirectory::is_valid_on(std::string_view id, engine::Date date) const {
  const Body* body = find(id);
  return body && is_valid_on(*body, date);
}

bool BodyDirectory::is_valid_on(const Body& body, engine::Date date) {
  if (body.valid_from && date < *body.valid_from) return false;
  return !(body.valid_to && *body.valid_to < date);
}

}  // namespace cvtrack::workflows
