#include "posting_rules.h"

namespace keel::posting_rules {

} // namespace keel::posting_rules
