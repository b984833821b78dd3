#include "workflows/docx_xml.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>

namespace cvtrack::workflows::docx {

using engine::ErrorCode;
using engine::make_error;

namespace {

constexpr const char* kWordNamespaces[] = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                           "http://purl.oclc.org/ooxml/wordprocessingml/main"};
constexpr const char* kCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

bool named(const xmlNode* node, const char* local) {
  return node && node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
         std::strcmp(reinterpret_cast<const char*>(node->name), local) == 0;
}

bool in_word_namespace(const xmlNs* ns) {
  for (const char* href : kWordNamespaces)
    if (std::strcmp(reinterpret_cast<const char*>(ns->href), href) == 0) return true;
  return false;
}

std::string trimmed(const char* message) {
  std::string s = message ? message : "malformed XML";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

engine::Result<XmlDocument> parse_part(std::string_view xml, const std::string& where) {
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxt*)> context(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!context) return make_error(ErrorCode::internal, where + ": cannot start the XML parser");
  // Neither XML_PARSE_NOENT (entity substitution) nor XML_PARSE_DTDLOAD nor
  // XML_PARSE_HUGE: a hostile part gets libxml2's default limits.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  XmlDocument document(
      xmlCtxtReadMemory(context.get(), xml.data(), int(xml.size()), where.c_str(), nullptr, options), xmlFreeDoc);
  if (!document) {
    const xmlError* error = xmlCtxtGetLastError(context.get());
    return make_error(ErrorCode::bad_input, where + ":" + std::to_string(error ? error->line : 0) +
                                                ": malformed XML: " + trimmed(error ? error->message : nullptr));
  }
  if (document->intSubset || document->extSubset)
    return make_error(ErrorCode::bad_input, where + ": declares a DTD, which no Word document does; refused");
  if (!xmlDocGetRootElement(document.get())) return make_error(ErrorCode::bad_input, where + ": empty XML");
  return document;
}

bool is_w(const xmlNode* node, const char* local) { return named(node, local) && in_word_namespace(node->ns); }

bool is_mc(const xmlNode* node, const char* local) {
  return named(node, local) && std::strcmp(reinterpret_cast<const char*>(node->ns->href), kCompatibilityNamespace) == 0;
}

const xmlNode* w_child(const xmlNode* node, const char* local) {
  for (const xmlNode* child = node ? node->children : nullptr; child; child = child->next)
    if (is_w(child, local)) return child;
  return nullptr;
}

std::string w_attribute(const xmlNode* node, const char* local) {
  if (!node) return {};
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (!a->ns || !in_word_namespace(a->ns) || std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0)
      continue;
    xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
  }
  return {};
}

bool w_flag(const xmlNode* node, const char* local) {
  const xmlNode* flag = w_child(node, local);
  if (!flag) return false;
  std::string value = w_attribute(flag, "val");
  return value != "0" && value != "false" && value != "off";
}

}  // namespace cvtrack::workflows::docx
