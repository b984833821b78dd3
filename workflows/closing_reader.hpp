// workflows/closing_reader.hpp
//
// Address lists and the signature block: "Kính gửi:" (or a công điện's
// "điện:") at the top, "Nơi nhận:" and the signer (capacity such as "T/M BAN
// THƯỜNG VỤ" or "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", title, name) at the end.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "workflows/text_source.hpp"

namespace cvtrack::workflows {

// A list entry as a clerk writes it: bullet, markdown and the trailing
// punctuation removed ("- Đảng ủy - UBND các xã, thị trấn." -> "Đảng ủy -
// UBND các xã, thị trấn").
std::string clean_list_entry(std::string_view line);

struct AddressList {
  std::vector<std::string> entries;
  std::size_t first_line = 0;  // index of the "Kính gửi" / "Nơi nhận" line
  std::size_t end_line = 0;    // one past the last line of the list
};

// Index of the line that opens the Kính gửi list, searching [from, to).
std::optional<std::size_t> find_recipients_line(const SourceText& source, std::size_t from, std::size_t to);
AddressList read_recipients(const SourceText& source, std::size_t kinh_gui_line);

// The cells (split_columns) of each line from `from` to the end of the text:
// the Nơi nhận and signature readers both look at every line after the
// body's start, and split each once.
class LineColumns {
 public:
  LineColumns(const SourceText& source, std::size_t from);
  std::size_t from() const { return from_; }
  // REQUIRES: from() <= line < the number of lines.
  const std::vector<std::string>& of(std::size_t line) const { return rows_[line - from_]; }

 private:
  std::size_t from_;
  std::vector<std::vector<std::string>> rows_;
};

// The Nơi nhận list, searched from columns.from() to the end; nullopt when absent.
std::optional<AddressList> read_cc(const SourceText& source, const LineColumns& columns);

struct SignatureBlock {
  engine::Signer signer;
  std::size_t first_line = 0;
  bool found = false;
};

// The signature in [columns.from(), end of text), skipping the lines of the
// Nơi nhận list. Capacity prefixes: T/M TM. K/T KT. T/L TL. TUQ. Q.
SignatureBlock read_signature(const SourceText& source, const LineColumns& columns,
                              const std::optional<AddressList>& cc);

// Is this line the start of a signature ("T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH")?
bool is_capacity_line(std::string_view text);

}  // namespace cvtrack::workflows
