#include "storage/token_store.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "engine/date.hpp"
#include "engine/sha256.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using storage::TokenStore;

namespace {

engine::TimePoint at(const char* iso_day) { return engine::vietnam_noon(*engine::parse_iso_date(iso_day)); }

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fixture {
  test::TempDirectory dir;
  std::unique_ptr<storage::SqliteDatabase> db = storage::SqliteDatabase::open(dir.file("cvtrack.db").string()).value();
  TokenStore tokens{*db};
};

}  // namespace

TEST_SUITE("storage/token_store") {
  TEST_CASE("a created token authenticates as its body and role until it is revoked") {
    Fixture f;
    auto unit = f.tokens.create("ubnd-xa-ea-bia", engine::Role::unit, "máy văn thư xã", at("2021-09-06"));
    REQUIRE(unit.ok());
    CHECK(unit->id == "tok1");
    CHECK(unit->secret.rfind("cvt_", 0) == 0);
    CHECK(unit->secret.size() == 4 + 43);  // 32 bytes in base64url
    CHECK(unit->secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4) ==
          std::string::npos);

    auto who = f.tokens.authenticate(unit->secret);
    REQUIRE(who.ok());
    CHECK(who->token_id == "tok1");
    CHECK(who->body == "ubnd-xa-ea-bia");
    CHECK(who->role == engine::Role::unit);

    auto revoked = f.tokens.revoke("tok1", at("2021-09-07"));
    REQUIRE(revoked.ok());
    CHECK_FALSE(revoked->already_revoked);
    CHECK(revoked->revoked_at == "2021-09-07T05:00:00Z");
    auto refused = f.tokens.authenticate(unit->secret);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == engine::ErrorCode::unauthenticated);
    CHECK(refused.error().message == "token tok1 was revoked at 2021-09-07T05:00:00Z");

    auto again = f.tokens.revoke("tok1", at("2021-09-08"));
    REQUIRE(again.ok());
    CHECK(again->already_revoked);
    CHECK(again->revoked_at == "2021-09-07T05:00:00Z");
  }

  TEST_CASE("an unknown secret, or an unknown id to revoke, is refused") {
    Fixture f;
    REQUIRE(f.tokens.create("secretariat", engine::Role::secretariat, std::nullopt, at("2021-09-06")).ok());
    for (std::string guess : {"", "cvt_", "cvt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer x"}) {
      CAPTURE(guess);
      auto r = f.tokens.authenticate(guess);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == engine::ErrorCode::unauthenticated);
      CHECK(r.error().message ==
            "the bearer token is not one this server issued (mistyped, or from another database)");
    }
    auto missing = f.tokens.revoke("tok9", at("2021-09-07"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == engine::ErrorCode::not_found);
    CHECK(missing.error().message == "token \"tok9\" does not exist (see `cvtrack token list`)");
  }

  TEST_CASE("secrets are distinct and none is anywhere in the database file, only its SHA-256") {
    Fixture f;
    std::vector<storage::NewToken> made;
    for (int i = 0; i < 20; ++i) {
      auto t = f.tokens.create("huyen-uy", engine::Role::supervisor, std::nullopt, at("2021-09-06"));
      REQUIRE(t.ok());
      made.push_back(*t);
    }
    std::set<std::string> secrets;
    for (const auto& t : made) secrets.insert(t.secret);
    CHECK(secrets.size() == made.size());
    CHECK(made.back().id == "tok20");

    std::string bytes = slurp(f.dir.file("cvtrack.db")) + slurp(f.dir.file("cvtrack.db-wal"));
    REQUIRE(bytes.find("huyen-uy") != std::string::npos);  // the rows are there to look at
    for (const auto& t : made) {
      CAPTURE(t.secret);
      CHECK(bytes.find(t.secret) == std::string::npos);
      CHECK(bytes.find(t.secret.substr(4)) == std::string::npos);
      CHECK(bytes.find(engine::sha256_hex(t.secret)) != std::string::npos);
    }
  }

  TEST_CASE("list shows every token with its body, role, label and dates") {
    Fixture f;
    REQUIRE(f.tokens.create("secretariat", engine::Role::secretariat, "văn thư", at("2021-09-06")).ok());
    REQUIRE(f.tokens.create("ubnd-huyen", engine::Role::unit, std::nullopt, at("2021-09-07")).ok());
    REQUIRE(f.tokens.revoke("tok1", at("2021-09-08")).ok());
    auto list = f.tokens.list();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    const auto& first = (*list)[0];
    CHECK(first.id == "tok1");
    CHECK(first.body == "secretariat");
    CHECK(first.role == engine::Role::secretariat);
    CHECK(first.label == std::optional<std::string>("văn thư"));
    CHECK(first.created_at == "2021-09-06T05:00:00Z");
    CHECK(first.revoked_at == std::optional<std::string>("2021-09-08T05:00:00Z"));
    CHECK((*list)[1].id == "tok2");
    CHECK((*list)[1].role == engine::Role::unit);
    CHECK_FALSE((*list)[1].label);
    CHECK_FALSE((*list)[1].revoked_at);
  }

  TEST_CASE("refusals are recorded in the security log, with or without a known token") {
    Fixture f;
    storage::Refusal no_token{"2021-09-07T05:00:00Z", std::nullopt, std::nullopt, std::nullopt, "GET", "/api/tasks",
                              401, "no token: send \"Authorization: Bearer TOKEN\"", "127.0.0.1:50000"};
    storage::Refusal not_yours{"2021-09-08T05:00:00Z", "tok3", "ubnd-xa-ea-bia", "unit", "POST",
                               "/api/tasks/T1.8.2/ack", 403, "T1.8.2: ubnd-xa-ea-bia (unit token) may not ack it",
                               std::nullopt};
    REQUIRE(f.tokens.record_refusal(no_token).ok());
    REQUIRE(f.tokens.record_refusal(not_yours).ok());
    auto log = f.tokens.refusals();
    REQUIRE(log.ok());
    REQUIRE(log->size() == 2);
    CHECK((*log)[0].refusal.at == "2021-09-07T05:00:00Z");
    CHECK((*log)[0].refusal.method == "GET");
    CHECK((*log)[0].refusal.reason == "no token: send \"Authorization: Bearer TOKEN\"");
    CHECK_FALSE((*log)[0].refusal.token_id);
    CHECK((*log)[0].refusal.status == 401);
    CHECK((*log)[0].refusal.peer == std::optional<std::string>("127.0.0.1:50000"));
    CHECK((*log)[1].refusal.token_id == std::optional<std::string>("tok3"));
    CHECK((*log)[1].refusal.body == std::optional<std::string>("ubnd-xa-ea-bia"));
    CHECK((*log)[1].refusal.role == std::optional<std::string>("unit"));
    CHECK((*log)[1].refusal.status == 403);
    CHECK((*log)[1].refusal.target == "/api/tasks/T1.8.2/ack");
    CHECK((*log)[1].refusal.reason == "T1.8.2: ubnd-xa-ea-bia (unit token) may not ack it");
    CHECK_FALSE((*log)[1].refusal.peer);
  }

  TEST_CASE("two stores on two connections to one file see each other's tokens") {
    Fixture f;
    auto second = storage::SqliteDatabase::open(f.dir.file("cvtrack.db").string());
    REQUIRE(second.ok());
    TokenStore other(**second);
    auto made = f.tokens.create("ubnd-huyen", engine::Role::unit, std::nullopt, at("2021-09-06"));
    REQUIRE(made.ok());
    CHECK(other.authenticate(made->secret).ok());
    auto next = other.create("ubnd-huyen", engine::Role::supervisor, std::nullopt, at("2021-09-06"));
    REQUIRE(next.ok());
    CHECK(next->id == "tok2");
    REQUIRE(other.revoke("tok1", at("2021-09-07")).ok());
    CHECK_FALSE(f.tokens.authenticate(made->secret).ok());
  }

  TEST_CASE("a connection that authenticated a token sees its revocation on another at the next request") {
    // authenticate keeps its prepared statement on the connection: each
    // request must read the table as it is now, not as the last one did.
    Fixture f;
    auto second = storage::SqliteDatabase::open(f.dir.file("cvtrack.db").string());
    REQUIRE(second.ok());
    TokenStore other(**second);
    auto made = f.tokens.create("ubnd-huyen", engine::Role::unit, std::nullopt, at("2021-09-06"));
    REQUIRE(made.ok());
    for (int i = 0; i < 3; ++i) REQUIRE(f.tokens.authenticate(made->secret).ok());
    REQUIRE(other.revoke("tok1", at("2021-09-07")).ok());
    auto refused = f.tokens.authenticate(made->secret);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "token tok1 was revoked at 2021-09-07T05:00:00Z");
    // And a token created there afterwards is known here.
    auto later = other.create("ubnd-huyen", engine::Role::supervisor, std::nullopt, at("2021-09-08"));
    REQUIRE(later.ok());
    auto known = f.tokens.authenticate(later->secret);
    REQUIRE(known.ok());
    CHECK(known->role == engine::Role::supervisor);
  }
}
