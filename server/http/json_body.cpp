#include "json_body.h"

#include "http_types.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace keel {

qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        uint cp = 0;
        uint min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

QJsonObject parseJsonObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        throw ApiError::malformed(
            QStringLiteral("The request needs a JSON object body."),
            {{QString(), QStringLiteral("required"), QStringLiteral("body is empty")}});
    if (const qsizetype bad = firstInvalidUtf8(body); bad >= 0)
        throw ApiError::malformed(
            QStringLiteral("The body is not valid UTF-8 at byte %1.").arg(bad),
            {{QString(), QStringLiteral("invalid_utf8"),
              QStringLiteral("invalid UTF-8 at byte %1").arg(bad)}});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::malformed(
            QStringLiteral("Malformed JSON at byte %1: %2.")
                .arg(error.offset)
                .arg(error.errorString()),
            {{QString(), QStringLiteral("malformed_json"),
              QStringLiteral("%1 at byte %2").arg(error.errorString()).arg(error.offset)}});
    if (!doc.isObject())
        throw ApiError::malformed(
            QStringLiteral("The body must be a JSON object."),
            {{QString(), QStringLiteral("invalid_type"), QStringLiteral("expected an object")}});
    return doc.object();
}

} // namespace keel
