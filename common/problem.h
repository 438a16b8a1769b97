#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace keel {

// One field-level complaint inside a problem document (RFC 9457 extension "errors").
struct FieldError
{
    QString field;   // JSON pointer-ish path, e.g. "password" or "lines/2/amount"
    QString code;    // machine-readable reason, e.g. "required", "invalid_type"
    QString message; // for people

    bool operator==(const FieldError &) const = default;
};

// An application/problem+json document. Every failure the server answers is one of these,
// and the client shows `detail` (or the field messages) to people.
struct Problem
{
    int status = 500;
    QString type; // a stable slug under https://keel.example/problems/, see ErrorType
    QString title;
    QString detail;
    QList<FieldError> errors;

    QJsonObject toJson() const;
    static Problem fromJson(const QJsonObject &json);
    bool operator==(const Problem &) const = default;
};

// The problem types the server emits; the slug is the last part of `type`.
namespace ErrorType {
inline constexpr auto Malformed = "malformed-request";             // 400
inline constexpr auto Unauthenticated = "unauthenticated";         // 401
inline constexpr auto Forbidden = "forbidden";                     // 403
inline constexpr auto NotFound = "not-found";                      // 404
inline constexpr auto MethodNotAllowed = "method-not-allowed";     // 405
inline constexpr auto Conflict = "workflow-conflict";              // 409
inline constexpr auto StaleVersion = "stale-version";              // 412
inline constexpr auto TooLarge = "payload-too-large";              // 413
inline constexpr auto UnsupportedMedia = "unsupported-media-type"; // 415
inline constexpr auto Invalid = "validation-failed";               // 422
inline constexpr auto PeriodClosed = "period-closed";              // 423
inline constexpr auto TooManyRequests = "too-many-requests";       // 429
inline constexpr auto Internal = "internal-error";                 // 500
inline constexpr auto Unavailable = "service-unavailable";         // 503
} // namespace ErrorType

QString problemTypeUri(const char *slug);

} // namespace keel
