#include "uuid.h"

namespace keel {

Uuid Uuid::createV4()
{
    return Uuid(QUuid::createUuid());
}

Result<Uuid> Uuid::parse(QStringView text)
{
    const auto bad = [&text] {
        return valueError(ValueErrorCode::InvalidFormat,
                          QStringLiteral("'%1' is not a UUID").arg(text));
    };
    if (text.size() != 36)
        return bad();
    for (qsizetype i = 0; i < 36; ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return bad();
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') ||
                     (c >= u'A' && c <= u'F'))) {
            return bad();
        }
    }
    const QUuid q = QUuid::fromString(text);
    if (q.isNull() && text != QLatin1StringView("00000000-0000-0000-0000-000000000000"))
        return bad();
    return Uuid(q);
}

QString Uuid::toString() const
{
    return q_.toString(QUuid::WithoutBraces); // QUuid emits lowercase hex
}

} // namespace keel
