#include "problem.h"

#include <QJsonArray>

namespace keel {

QString problemTypeUri(const char *slug)
{
    return QStringLiteral("https://keel.example/problems/") + QLatin1String(slug);
}

QJsonObject Problem::toJson() const
{
    QJsonObject json{{"type", type}, {"title", title}, {"status", status}, {"detail", detail}};
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const FieldError &e : errors)
            list.append(QJsonObject{{"field", e.field}, {"code", e.code}, {"message", e.message}});
        json.insert("errors", list);
    }
    return json;
}

Problem Problem::fromJson(const QJsonObject &json)
{
    Problem p;
    p.status = json.value("status").toInt(500);
    p.type = json.value("type").toString();
    p.title = json.value("title").toString();
    p.detail = json.value("detail").toString();
    for (const QJsonValue &v : json.value("errors").toArray()) {
        const QJsonObject e = v.toObject();
        p.errors.append({e.value("field").toString(), e.value("code").toString(),
                         e.value("message").toString()});
    }
    return p;
}

} // namespace keel
