#pragma once
// A hand-made inspection for the report printers' tests: findings of the device maker's code
// (source lines and a binary offset), a waived one, a component's finding, hostile path and
// evidence bytes, components with and without versions and package URLs, an expired variance,
// a skipped input. Verdicts come from the real decide().
#include <string>

#include "core/inspection.h"

namespace mdbc::test {

inline Finding sample_finding(std::string rule, std::string path, uint32_t line, std::string message,
                              std::string evidence, Severity severity = Severity::error) {
  Finding f;
  f.rule = std::move(rule);
  f.path = std::move(path);
  f.line = line;
  f.column = line ? 5 : 0;
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  f.severity = severity;
  return f;
}

// `hostile_path` is shown as the walker shows paths: printable, so "\\xff" stands for the byte.
inline Inspection sample_inspection(const std::string& hostile_path = "src/<script>alert(1)</script> \\xff.c") {
  Inspection in;
  in.code = &CodeBook::builtin();
  in.profile = in.code->profile("C-connected");
  in.date = "2025-06-15";
  in.roots = {"/nonexistent/infusion-pump"};
  in.stages = {InputKind::source, InputKind::binary};
  in.files = 4;
  in.bytes = 12345;
  in.inputs_sha256 = "5f1e0b6a0c9d8e7f5f1e0b6a0c9d8e7f5f1e0b6a0c9d8e7f5f1e0b6a0c9d8e7f";
  in.findings.push_back(sample_finding("CODE-1/banned-call", "src/main.c", 12,
                                       "strcpy has no bound; use a length-checked copy", "strcpy(dst, src);"));
  in.findings.push_back(sample_finding("CODE-1/banned-call", hostile_path, 3, "gets <cannot> be used safely & never will",
                                       "gets(buf); /* </td><script>x</script> */"));
  in.findings.push_back(sample_finding("CODE-3/shell", "src/diag.c", 40, "system() runs a shell", "system(cmd);"));
  in.findings.push_back(sample_finding("CRYPTO-2/aes-sbox", "src/crypto/aes.c", 7, "AES S-box: own implementation",
                                       "static const uint8_t sbox[256] = {", Severity::warning));
  Finding binary = sample_finding("CODE-1/banned-import", "bin/pump.elf", 0, "imports strcpy", "strcpy");
  binary.offset = 0x1f40;
  in.findings.push_back(binary);
  in.findings.push_back(sample_finding("CODE-1/banned-call", "third_party/mbedtls/library/x509.c", 99,
                                       "strcpy has no bound", "strcpy(a, b);"));
  in.findings.back().component = "mbedtls";
  std::sort(in.findings.begin(), in.findings.end());
  assign_fingerprints(in.findings);

  Variance crypto;
  crypto.element = "CRYPTO-2";
  crypto.path_glob = "src/crypto/**";
  crypto.justification = "Own AES for the sensor ASIC, reviewed <externally> & signed off";
  crypto.reviewer = "A. Expert <expert@example.org>";
  crypto.expires = "2027-06-30";
  Variance old;
  old.element = "CODE-3";
  old.justification = "Diagnostics shell, to be removed";
  old.reviewer = "B. Reviewer";
  old.expires = "2024-01-31";
  in.variances = {{crypto, 0, false}, {old, 0, false}};

  Component mbedtls{"mbedtls", "3.5.2", "third_party/mbedtls", "MBEDTLS_VERSION_STRING in include/mbedtls/build_info.h",
                    "pkg:github/Mbed-TLS/mbedtls@3.5.2"};
  Component freertos{"FreeRTOS", "", "third_party/<b>FreeRTOS</b>", "tasks.c and FreeRTOS.h", ""};
  in.components = {freertos, mbedtls};
  in.skipped.push_back({"dev/fifo", "FIFO (not opened)"});
  decide(in);
  return in;
}

}  // namespace mdbc::test
