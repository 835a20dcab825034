// CycloneDX 1.5 JSON SBOM of the components recognised in the inputs (SBOM-1). Deterministic: no
// timestamp, and a serial number derived from the inputs' digest, so the same inputs inspected by
// the same mdbc give the same bytes.
#include <algorithm>
#include <array>
#include <cctype>

#include "core/digest.h"
#include "core/text.h"
#include "report/paths.h"
#include "report/report.h"

namespace mdbc::report {
namespace {

using J = nlohmann::ordered_json;

// RFC 9562 name-based UUID version 8 over SHA-256 (its appendix B.2 construction): the first 128
// bits of SHA-256(namespace || name) with the version and variant bits set. The namespace is the
// RFC's URL namespace; the name says what the BOM describes.
std::string name_based_uuid(std::string_view name) {
  static constexpr std::array<unsigned char, 16> url_namespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                                   0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  std::string input(reinterpret_cast<const char*>(url_namespace.data()), url_namespace.size());
  input += name;
  std::string hex = sha256_hex(input).substr(0, 32);
  hex[12] = '8';                                            // version 8
  static constexpr char variant[] = "89ab";                 // variant 10xx
  const int nibble = std::isdigit(static_cast<unsigned char>(hex[16])) ? hex[16] - '0' : hex[16] - 'a' + 10;
  hex[16] = variant[nibble & 3];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Most recognised components are libraries; real-time kernels and operating systems are typed as
// such so that SBOM consumers match them against the right vulnerability feeds.
const char* component_type(const Component& c) {
  static constexpr const char* operating_systems[] = {"freertos", "zephyr", "linux", "nuttx", "threadx", "azure rtos",
                                                      "riot", "contiki", "contiki-ng", "mbed-os", "mbed os", "rt-thread",
                                                      "embos", "safertos", "openrtos", "chibios", "vxworks", "qnx"};
  const std::string name = lower(c.name);
  for (const char* os : operating_systems)
    if (name == os) return "operating-system";
  return "library";
}

J property(std::string name, std::string value) { return {{"name", std::move(name)}, {"value", std::move(value)}}; }

}  // namespace

std::string cyclonedx(const Inspection& in) {
  const std::string device_ref = "inspected-device";
  const bool product_stage = in.stages.count(InputKind::binary) || in.stages.count(InputKind::image) ||
                             in.stages.count(InputKind::rootfs);

  J metadata;
  J lifecycles = J::array();
  if (in.stages.count(InputKind::source)) lifecycles.push_back({{"phase", "pre-build"}});
  if (product_stage) lifecycles.push_back({{"phase", "post-build"}});
  if (!lifecycles.empty()) metadata["lifecycles"] = std::move(lifecycles);
  metadata["tools"] = {{"components", J::array({{{"type", "application"},
                                                 {"name", tool_name},
                                                 {"version", tool_version},
                                                 {"description", "Inspector for the medical device building code"}}})}};
  J device{{"type", in.stages.count(InputKind::image) ? "firmware" : "application"},
           {"bom-ref", device_ref},
           {"name", inspected_name(in)}};
  J device_props = J::array();
  for (const auto& root : in.roots) device_props.push_back(property("mdbc:root", printable(root)));
  device_props.push_back(property("mdbc:inputs_sha256", in.inputs_sha256));
  device_props.push_back(property("mdbc:files", std::to_string(in.files)));
  device_props.push_back(property("mdbc:code_edition", std::to_string(in.code->edition())));
  device_props.push_back(property("mdbc:profile", in.profile->name));
  device["properties"] = std::move(device_props);
  metadata["component"] = std::move(device);

  J components = J::array();
  J refs = J::array();
  for (const auto& c : in.components) {
    // Components are unique by (name, version, path), so a digest of those is a unique, stable ref.
    const std::string ref =
        "component-" + sha256_hex(c.name + '\0' + c.version + '\0' + c.path).substr(0, 16);
    J o{{"type", component_type(c)}, {"bom-ref", ref}, {"name", printable(c.name, false)}};
    if (!c.version.empty()) o["version"] = printable(c.version, false);
    if (!c.purl.empty()) o["purl"] = printable(c.purl, false);
    if (!c.path.empty()) o["evidence"] = {{"occurrences", J::array({{{"location", printable(c.path, false)}}})}};
    J props = J::array();
    if (!c.path.empty()) props.push_back(property("mdbc:path", printable(c.path, false)));
    if (!c.evidence.empty()) props.push_back(property("mdbc:evidence", printable(c.evidence, false)));
    size_t findings = 0;
    for (const auto& f : in.findings)
      findings += f.component == c.name && (c.path.empty() || f.path == c.path || f.path.starts_with(c.path + "/"));
    props.push_back(property("mdbc:findings", std::to_string(findings)));
    o["properties"] = std::move(props);
    refs.push_back(ref);
    components.push_back(std::move(o));
  }

  J bom;
  bom["bomFormat"] = "CycloneDX";
  bom["specVersion"] = "1.5";
  bom["serialNumber"] = "urn:uuid:" + name_based_uuid(std::string("mdbc ") + tool_version + " sbom of inputs sha256:" +
                                                      in.inputs_sha256);
  bom["version"] = 1;
  bom["metadata"] = std::move(metadata);
  bom["components"] = std::move(components);
  // The device contains every recognised component; what the components depend on is not known,
  // so they get no dependency entries of their own (an empty one would claim "none").
  bom["dependencies"] = J::array({{{"ref", device_ref}, {"dependsOn", std::move(refs)}}});
  return bom.dump(2, ' ', false, J::error_handler_t::replace) + "\n";
}

}  // namespace mdbc::report
