#pragma once

#include <QString>

namespace keel {

struct Problem;

// Type slug for failures that never reached the server (no HTTP status).
inline constexpr auto NetworkErrorType = "https://keel.example/problems/network-error";

// What to tell a person about a failure: the server's own words (detail, or the field
// messages) when it gave any, otherwise a sentence chosen by status. Translated.
QString humanMessage(const Problem &problem);

// A Problem for a request that got no HTTP answer (refused, timed out, TLS, DNS …).
// `technical` is the network layer's own text, kept as a hint in the detail.
Problem networkProblem(const QString &technical, bool timedOut = false);

bool isNetworkProblem(const Problem &problem);

} // namespace keel
