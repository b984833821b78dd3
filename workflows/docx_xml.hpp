// workflows/docx_xml.hpp
//
// libxml2 for the .docx reader (docx_text.cpp, docx_numbering.cpp) only:
// parsing an untrusted part safely, and finding WordprocessingML elements by
// namespace and local name (the prefix "w:" is only a convention).
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "engine/result.hpp"

namespace cvtrack::workflows::docx {

using XmlDocument = std::unique_ptr<xmlDoc, void (*)(xmlDoc*)>;

// No network, no DTD, no entity expansion, errors collected rather than
// printed. A parse error or a DTD is an Error "WHERE:LINE: …".
engine::Result<XmlDocument> parse_part(std::string_view xml, const std::string& where);

// True when `node` is the WordprocessingML element `local` (transitional or
// strict namespace).
bool is_w(const xmlNode* node, const char* local);
// The same for the markup-compatibility namespace (mc:AlternateContent, …).
bool is_mc(const xmlNode* node, const char* local);

// The first child element that is w:`local`, or null.
const xmlNode* w_child(const xmlNode* node, const char* local);

// The value of attribute w:`local` ("w:val"), or "" when absent.
std::string w_attribute(const xmlNode* node, const char* local);

// A w:val that switches something on: present and not "0", "false", "off".
bool w_flag(const xmlNode* node, const char* local);

}  // namespace cvtrack::workflows::docx
