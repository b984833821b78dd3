// `cvtrack serve`: the engine live over HTTP until SIGTERM or SIGINT.
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <iostream>
#include <ostream>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/serve/server.hpp"

namespace cvtrack::cli {

namespace {

constexpr const char* kUsage =
    "usage: cvtrack serve [--bind 127.0.0.1] [--port 8080] [--db PATH] [--threads N] [--reminders 3,1] "
    "[--max-body BYTES]\n";

bool whole_number(const std::string& text, long long& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

int run_serve(CommandContext& ctx) {
  auto parsed = parse_arguments(ctx.args, {"--bind", "--port", "--db", "--threads", "--reminders", "--max-body"}, {});
  if (!parsed) {
    ctx.err << "cvtrack serve: " << parsed.error().message << "\n" << kUsage;
    return 2;
  }
  const Arguments& args = *parsed;
  if (!args.positional.empty()) {
    ctx.err << kUsage;
    return 2;
  }
  serve::ServeOptions options;
  if (auto db = args.option("--db"))
    options.db_path = *db;
  else if (const char* env = std::getenv("CVTRACK_DB"))
    options.db_path = env;
  options.bind = args.option("--bind").value_or("127.0.0.1");
  long long number = 0;
  if (auto port = args.option("--port")) {
    if (!whole_number(*port, number) || number < 0 || number > 65535) {
      ctx.err << "cvtrack serve: --port \"" << *port << "\" is not a port number (0-65535; 0: any free port)\n";
      return 2;
    }
    options.port = static_cast<unsigned short>(number);
  }
  if (auto threads = args.option("--threads")) {
    if (!whole_number(*threads, number) || number < 1 || number > 64) {
      ctx.err << "cvtrack serve: --threads \"" << *threads << "\" must be a whole number from 1 to 64\n";
      return 2;
    }
    options.threads = static_cast<int>(number);
  }
  if (auto max_body = args.option("--max-body")) {
    if (!whole_number(*max_body, number) || number < 1024) {
      ctx.err << "cvtrack serve: --max-body \"" << *max_body << "\" must be a number of bytes, at least 1024\n";
      return 2;
    }
    options.max_body = static_cast<std::size_t>(number);
  }
  if (auto reminders = args.option("--reminders")) {
    options.reminders.clear();
    std::string rest = *reminders;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string word = rest.substr(0, comma);
      if (!whole_number(word, number) || number < 1 || number > 60) {
        ctx.err << "cvtrack serve: --reminders \"" << *reminders
                << "\": working days before a deadline, e.g. 3,1 (each 1-60)\n";
        return 2;
      }
      options.reminders.push_back(static_cast<int>(number));
      rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    }
  }
  if (!std::filesystem::exists(options.db_path)) {
    ctx.err << "cvtrack serve: " << options.db_path << ": no such database (create it with `cvtrack init`)\n";
    return 2;
  }

  auto server = serve::Server::open(options, ctx.err);
  if (!server) {
    ctx.err << "cvtrack serve: " << server.error().message << "\n";
    return exit_code_for(int(server.error().code));
  }
  // Signals are caught on their own io_context thread so a busy server
  // still hears them.
  boost::asio::io_context signals_io;
  boost::asio::signal_set signals(signals_io, SIGINT, SIGTERM);
  serve::Server* s = server->get();
  signals.async_wait([s, &ctx](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    ctx.err << "cvtrack serve: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << " received" << std::endl;
    s->stop();
  });
  std::thread signal_thread([&] { signals_io.run(); });
  ctx.out << "cvtrack serve: listening on http://" << options.bind << ":" << (*server)->port() << std::endl;
  (*server)->run();
  signals.cancel();
  signals_io.stop();
  signal_thread.join();
  ctx.err << "cvtrack serve: stopped; every acknowledged write is committed" << std::endl;
  return 0;
}

}  // namespace cvtrack::cli
