// workflows/body_names.hpp
//
// Names of bodies as documents print them. Headers and signatures print them
// in capitals ("HUYỆN ỦY XUÂN TRƯỜNG"); a clerk writes them in the normal
// case ("Huyện ủy Xuân Trường"), which is what cvtrack shows.
#pragma once

#include <string>
#include <string_view>

namespace cvtrack::workflows {

// "ĐẢNG BỘ TỈNH NAM ĐỊNH" -> "Đảng bộ tỉnh Nam Định";
// "THƯỜNG TRỰC TỈNH ỦY" -> "Thường trực Tỉnh ủy"; "UBND TỈNH LẠNG SƠN" ->
// "UBND tỉnh Lạng Sơn". Text that is not all capitals is returned as is.
std::string normal_case_body_name(std::string_view upper);

// Does the (folded) name carry an administrative level with a place name
// ("... tỉnh Nam Định", "Huyện ủy Xuân Trường", "xã Đak Đoa")?
bool names_a_place(std::string_view name);

// Is the name just a kind of body with no place ("ỦY BAN NHÂN DÂN", "UBND",
// "HỘI ĐỒNG NHÂN DÂN")? Such a header line continues on the next line.
bool is_generic_body_kind(std::string_view name);

}  // namespace cvtrack::workflows
