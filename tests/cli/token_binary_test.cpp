// `cvtrack token` through the real program: the token alone on standard
// output (for `TOKEN=$(…)`), refusals with exit 2 that write nothing, and a
// token the server's store then accepts until it is revoked.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "storage/token_store.hpp"
#include "tests/storage/temp_database.hpp"
#include "workflows/data_paths.hpp"

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

class TokenCli {
 public:
  std::string db() const { return dir_.file("cvtrack.db").string(); }

  // `args` after `cvtrack`, shell-quoted by the caller; --db is added.
  Run run(const std::string& args) const {
    return shell(std::string(CVTRACK_BINARY) + " " + args + " --db '" + db() + "'");
  }

  // A shell script, with CVTRACK_DB set to the test's database.
  Run shell(const std::string& script) const {
    std::string out = dir_.file("out.txt").string(), err = dir_.file("err.txt").string();
    std::string command = "CVTRACK_DB='" + db() + "'; export CVTRACK_DB; { " + script + " ; } >" + out + " 2>" + err;
    int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  void init_song_hinh() const {
    std::string directory = (cvtrack::workflows::data_dir() / "directories" / "song-hinh-2021.json").string();
    Run init = run("init --directory '" + directory + "'");
    INFO(init.err);
    REQUIRE(init.code == 0);
  }

  // What `token list --json` shows: every row the database holds.
  nlohmann::json tokens() const {
    Run list = run("token list --json");
    REQUIRE(list.code == 0);
    return nlohmann::json::parse(list.out);
  }

 private:
  static std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  cvtrack::test::TempDirectory dir_;
};

const std::regex kOneTokenLine("cvt_[A-Za-z0-9_-]{43}\n");

}  // namespace

TEST_SUITE("cli/token_binary") {
  TEST_CASE("token create prints one line, the token, which authenticates as its body until revoked") {
    TokenCli cli;
    cli.init_song_hinh();
    Run made = cli.run("token create --body ubnd-xa-ea-bia --role unit --label 'Văn thư xã Ea Bia'");
    INFO(made.err);
    REQUIRE(made.code == 0);
    CHECK(std::regex_match(made.out, kOneTokenLine));
    CHECK(made.err ==
          "token tok1 for ubnd-xa-ea-bia (unit); it is shown only now, and only its SHA-256 is kept\n");
    std::string secret = made.out.substr(0, made.out.size() - 1);

    // What the server does with it, on its own connection.
    auto db = cvtrack::storage::SqliteDatabase::open(cli.db());
    REQUIRE(db.ok());
    cvtrack::storage::TokenStore store(**db);
    auto who = store.authenticate(secret);
    REQUIRE(who.ok());
    CHECK(who->token_id == "tok1");
    CHECK(who->body == "ubnd-xa-ea-bia");
    CHECK(who->role == cvtrack::engine::Role::unit);

    Run list = cli.run("token list --as-of 2021-09-07");
    REQUIRE(list.code == 0);
    CHECK(list.out.rfind("tok1    ubnd-xa-ea-bia            unit         created ", 0) == 0);
    CHECK(list.out.find("  active  Văn thư xã Ea Bia\n") != std::string::npos);
    CHECK(list.out.find(secret) == std::string::npos);

    Run revoke = cli.run("token revoke tok1 --as-of 2021-09-08");
    INFO(revoke.err);
    REQUIRE(revoke.code == 0);
    CHECK(revoke.out == "tok1 revoked at 2021-09-08T05:00:00Z; `cvtrack serve` refuses it from now on\n");
    auto refused = store.authenticate(secret);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == cvtrack::engine::ErrorCode::unauthenticated);
    Run again = cli.run("token revoke tok1");
    CHECK(again.code == 0);
    CHECK(again.out == "tok1 was already revoked at 2021-09-08T05:00:00Z; nothing changed\n");
    Run unknown = cli.run("token revoke tok7");
    CHECK(unknown.code == 2);
    CHECK(unknown.err == "cvtrack token revoke: token \"tok7\" does not exist (see `cvtrack token list`)\n");
  }

  TEST_CASE("TOKEN=$(cvtrack token create …) holds exactly the token") {
    TokenCli cli;
    cli.init_song_hinh();
    Run shell = cli.shell(std::string("TOKEN=$(") + CVTRACK_BINARY +
                          " token create --body secretariat --role secretariat) && printf '[%s]' \"$TOKEN\"");
    INFO(shell.err);
    REQUIRE(shell.code == 0);
    CHECK(std::regex_match(shell.out, std::regex("\\[cvt_[A-Za-z0-9_-]{43}\\]")));
  }

  TEST_CASE("a bad role or an unknown body exits 2 naming it, and writes nothing") {
    TokenCli cli;
    cli.init_song_hinh();
    struct Case {
      std::string args;
      std::string err;
    };
    const std::vector<Case> cases = {
        {"--body ubnd-xa-ea-bia --role admin",
         "cvtrack token create: --role: role \"admin\" is not one of unit, supervisor, secretariat\n"},
        {"--body ubnd-xa-tan-lap --role unit",
         "cvtrack token create: --body \"ubnd-xa-tan-lap\" is not in the directory recorded by `cvtrack init "
         "--directory` (see `cvtrack bodies`)\n"},
        {"--body 'UBND xã Ea Bia' --role supervisor",
         "cvtrack token create: --body \"UBND xã Ea Bia\" is not in the directory recorded by `cvtrack init "
         "--directory` (see `cvtrack bodies`)\n"},
        {"--body secretariat --role unit",
         "cvtrack token create: --body secretariat goes only with --role secretariat\n"},
        {"--role unit", "usage: cvtrack token create --body BODY --role unit|supervisor|secretariat [--label TEXT]\n"},
        {"--body huyen-uy --role supervisor --admin", "cvtrack token create: unknown option --admin\n"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      Run r = cli.run("token create " + c.args);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == c.err);
    }
    CHECK(cli.tokens().empty());
    Run sub = cli.run("token mint");
    CHECK(sub.code == 2);
    CHECK(sub.err.rfind("cvtrack token: unknown subcommand \"mint\" (create, list, revoke)\n", 0) == 0);
  }

  TEST_CASE("without a recorded directory only the secretariat's token can be made") {
    TokenCli cli;
    REQUIRE(cli.run("init").code == 0);
    Run unit = cli.run("token create --body ubnd-huyen --role unit");
    CHECK(unit.code == 2);
    CHECK(unit.err == "cvtrack token create: --body \"ubnd-huyen\": no directory is recorded; run `cvtrack init "
                      "--directory FILE` first\n");
    Run secretariat = cli.run("token create --body secretariat --role secretariat --json");
    INFO(secretariat.err);
    REQUIRE(secretariat.code == 0);
    auto json = nlohmann::json::parse(secretariat.out);
    CHECK(json["id"] == "tok1");
    CHECK(std::regex_match(json["token"].get<std::string>() + "\n", kOneTokenLine));
    auto tokens = cli.tokens();
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0]["body"] == "secretariat");
    CHECK(tokens[0]["role"] == "secretariat");
    CHECK(tokens[0]["label"].is_null());
    CHECK(tokens[0]["revoked_at"].is_null());
    CHECK_FALSE(tokens[0].contains("hash"));
  }
}
