// engine/result.hpp
//
// Expected failures cross module boundaries as values, never as exceptions:
// bad input, not found, a write conflict. A Result<T> holds either a T or an
// Error whose message already names what is wrong and where (file:line).
#pragma once

#include <optional>
#include <type_traits>
#include <string>
#include <utility>
#include <variant>

namespace cvtrack::engine {

enum class ErrorCode {
  bad_input,     // the user's input is wrong: exit 2
  not_found,     // a named file, task, body or document does not exist
  conflict,      // someone else wrote first, or the state forbids the command
  unauthenticated,  // no token, or an unknown or revoked one (HTTP 401)
  forbidden,     // the token's body or role may not do this (HTTP 403)
  unavailable,   // the database is busy or the disk is full
  internal,      // a bug or an unexpected failure below us
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_type<T>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT
  // Anything a T can be made from (a variant's alternative, say) is a value.
  template <typename U, typename = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                                    !std::is_same_v<std::decay_t<U>, T> &&
                                                    !std::is_same_v<std::decay_t<U>, Error> &&
                                                    !std::is_same_v<std::decay_t<U>, Result>>>
  Result(U&& value) : state_(std::in_place_type<T>, T(std::forward<U>(value))) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok()
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// A Result with nothing to return on success.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace cvtrack::engine
