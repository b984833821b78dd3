// tests/cli/http_client.hpp
//
// A blocking HTTP/1.1 client for the server tests: one request per
// connection, the raw status and body back. Also raw bytes, for requests a
// well-behaved client would never send.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace cvtrack::test {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string error_code() const {
    auto j = json();
    return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
  }
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}

  HttpResult request(boost::beast::http::verb method, const std::string& target, const std::string& token = "",
                     const std::string& body = "", const std::map<std::string, std::string>& headers = {}) const {
    namespace http = boost::beast::http;
    boost::asio::io_context io;
    boost::beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(60));
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    for (const auto& [name, value] : headers) req.set(name, value);
    if (!body.empty() || method == http::verb::post) {
      if (!headers.count("Content-Type")) req.set(http::field::content_type, "application/json");
      req.body() = body;
      req.prepare_payload();
    }
    boost::beast::error_code ec;
    http::write(stream, req, ec);  // the server may answer (413) before reading everything
    return read_response(stream);
  }

  HttpResult get(const std::string& target, const std::string& token = "") const {
    return request(boost::beast::http::verb::get, target, token);
  }
  HttpResult post(const std::string& target, const std::string& token, const nlohmann::json& body) const {
    return request(boost::beast::http::verb::post, target, token, body.dump());
  }

  // Sends `bytes` as they are and reads one response.
  HttpResult raw(const std::string& bytes) const {
    boost::asio::io_context io;
    boost::beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(60));
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
    boost::beast::error_code ec;
    boost::asio::write(stream, boost::asio::buffer(bytes), ec);
    return read_response(stream);
  }

 private:
  static HttpResult read_response(boost::beast::tcp_stream& stream) {
    namespace http = boost::beast::http;
    boost::beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    boost::beast::error_code ec;
    http::read(stream, buffer, parser, ec);
    if (ec && !parser.is_header_done()) return {0, "connection failed: " + ec.message(), {}};
    HttpResult out;
    out.status = static_cast<int>(parser.get().result_int());
    out.body = parser.get().body();
    for (const auto& field : parser.get()) out.headers[std::string(field.name_string())] = std::string(field.value());
    return out;
  }

  unsigned short port_;
};

}  // namespace cvtrack::test
