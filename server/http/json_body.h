#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace keel {

// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and code points
// above U+10FFFF count as invalid), or -1 when all of it is valid.
qsizetype firstInvalidUtf8(const QByteArray &bytes);

// Parses a request body that must be one JSON object; throws ApiError 400 naming the byte
// position of the first problem.
QJsonObject parseJsonObject(const QByteArray &body);

} // namespace keel
