#include "staffing.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QUrl>

namespace keel::resourcing {

namespace ResourcingPath {
namespace {
const QString base = QStringLiteral("/api/v1/resourcing");
}
QString requests()
{
    return base + QStringLiteral("/requests");
}
QString suggestions(const QString &requestId)
{
    return requests() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(requestId)) +
           QStringLiteral("/suggestions");
}
QString assignments()
{
    return base + QStringLiteral("/assignments");
}
QString capacity(const QDate &from, int weeks, const QString &groupBy)
{
    return base + QStringLiteral("/capacity?from=%1&weeks=%2&group_by=%3")
                      .arg(from.toString(Qt::ISODate))
                      .arg(weeks)
                      .arg(groupBy);
}
QString bench(const QDate &from, int weeks)
{
    return base + QStringLiteral("/bench?from=%1&weeks=%2&limit=200")
                      .arg(from.toString(Qt::ISODate))
                      .arg(weeks);
}
} // namespace ResourcingPath

QJsonObject AssignmentDraft::toJson() const
{
    QJsonObject o{{"employee_id", employeeId},
                  {"start_date", startDate},
                  {"end_date", endDate},
                  {"hours_per_week", hoursPerWeek},
                  {"kind", kind}};
    if (!projectId.isEmpty())
        o.insert("project_id", projectId);
    if (!requestId.isEmpty())
        o.insert("request_id", requestId);
    if (!probability.isEmpty())
        o.insert("probability", probability);
    if (confirmOverAllocation)
        o.insert("confirm_overallocation", true);
    return o;
}

Staffing::Staffing(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void Staffing::book(const AssignmentDraft &draft)
{
    if (m_api)
        finishBooking(m_api->post(ResourcingPath::assignments(), draft.toJson()));
}

void Staffing::stretch(const QString &assignmentId, const QString &endDate, int version,
                       bool confirmOverAllocation)
{
    if (!m_api)
        return;
    QJsonObject body{{"end_date", endDate}, {"version", version}};
    if (confirmOverAllocation)
        body.insert("confirm_overallocation", true);
    finishBooking(m_api->send("PATCH",
                              ResourcingPath::assignments() + u'/' +
                                  QString::fromLatin1(QUrl::toPercentEncoding(assignmentId)),
                              body));
}

void Staffing::loadAssignments(const QString &employeeId, const QDate &from, const QDate &to)
{
    if (!m_api)
        return;
    ApiReply *reply =
        m_api->get(ResourcingPath::assignments() +
                   QStringLiteral("?limit=200&employee_id=%1&from=%2&to=%3")
                       .arg(employeeId, from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        emit assignmentsLoaded(reply->ok() ? reply->object().value("items").toArray()
                                           : QJsonArray());
    });
}

void Staffing::finishBooking(ApiReply *reply)
{
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply->ok()) {
            emit booked(reply->object());
            return;
        }
        const Problem &p = reply->problem();
        bool over = false;
        for (const FieldError &f : p.errors)
            over = over || f.code == QLatin1String("overallocated");
        over = over || p.title == QLatin1String("Over-allocation") ||
               p.detail.contains(QLatin1String("confirm_overallocation"));
        if (over && (p.status == 409 || p.status == 422))
            emit overAllocation(humanMessage(p));
        else
            emit bookingFailed(humanMessage(p));
    });
}

void Staffing::loadSuggestions(const QString &requestId)
{
    if (!m_api)
        return;
    ApiReply *reply = m_api->get(ResourcingPath::suggestions(requestId));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            emit suggestionsFailed(humanMessage(reply->problem()));
            return;
        }
        const QJsonObject o = reply->object();
        emit suggestionsLoaded(o.value("request").toObject(), candidatesOf(o));
    });
}

QString Staffing::factorName(const QString &factor)
{
    static const QHash<QString, const char *> names{
        {"skill", QT_TRANSLATE_NOOP("keel::resourcing::Staffing", "Skill match")},
        {"capacity", QT_TRANSLATE_NOOP("keel::resourcing::Staffing", "Free capacity")},
        {"utilisation", QT_TRANSLATE_NOOP("keel::resourcing::Staffing", "Utilisation vs target")},
        {"cost", QT_TRANSLATE_NOOP("keel::resourcing::Staffing", "Cost")},
        {"location", QT_TRANSLATE_NOOP("keel::resourcing::Staffing", "Location")}};
    const char *n = names.value(factor);
    return n ? QCoreApplication::translate("keel::resourcing::Staffing", n) : factor;
}

QJsonArray Staffing::candidatesOf(const QJsonObject &answer)
{
    for (const char *k : {"candidates", "items", "suggestions"})
        if (answer.value(QLatin1String(k)).isArray())
            return answer.value(QLatin1String(k)).toArray();
    return {};
}

QStringList Staffing::factorLines(const QJsonObject &candidate)
{
    QStringList lines;
    const QJsonValue factors = candidate.value("factors");
    const auto line = [&lines](const QString &name, const QJsonObject &f) {
        const QString score =
            f.value(f.contains("points") ? "points" : "score").toVariant().toString();
        const QString weight = f.value("weight").toVariant().toString();
        QString text = name;
        if (!score.isEmpty())
            text += QStringLiteral(": ") + score;
        const QString value = f.value("value").toVariant().toString();
        if (!value.isEmpty())
            text +=
                QCoreApplication::translate("keel::resourcing::Staffing", " (match %1)").arg(value);
        if (!weight.isEmpty())
            text += QCoreApplication::translate("keel::resourcing::Staffing", " (weight %1)")
                        .arg(weight);
        const QString why = f.value("explanation").toString(f.value("detail").toString());
        if (!why.isEmpty())
            text += QStringLiteral(" — ") + why;
        lines.append(text);
    };
    if (factors.isArray()) {
        for (const QJsonValue &v : factors.toArray()) {
            const QJsonObject f = v.toObject();
            line(factorName(f.value("label").toString(
                     f.value("factor").toString(f.value("name").toString()))),
                 f);
        }
    } else {
        const QJsonObject o = factors.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            line(it.key(), it.value().toObject());
    }
    return lines;
}

} // namespace keel::resourcing
