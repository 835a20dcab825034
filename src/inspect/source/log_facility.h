#pragma once
// What counts as writing to a log, shared by the LOG rules: the project's own security-log API
// (mdbc.toml [log] functions), the syslog family, and functions whose name says log or audit
// (Zephyr LOG_ERR, ESP_LOGE, NRF_LOG_ERROR, log_event, audit_record, SecLog…). Plain console
// output (printf) is not a security log.
#include <string_view>

#include "core/config.h"

namespace mdbc::source {

bool is_log_function(std::string_view name, const Config& config);
// printf/puts/fwrite families: where LOG-3 also looks for secrets (consoles are logs too).
bool is_print_function(std::string_view name);

}  // namespace mdbc::source
