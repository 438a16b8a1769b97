#include "planner_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QStringList>
#include <QUrl>
#include <algorithm>

namespace keel::resourcing {

namespace {

// The first present member of `keys`.
QJsonValue first(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const auto it = o.constFind(QLatin1String(k));
        if (it != o.constEnd() && !it->isNull() && !it->isUndefined())
            return *it;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString text(const QJsonValue &v)
{
    if (v.isObject()) { // a reference {"id","code","name"}
        const QJsonObject o = v.toObject();
        for (const char *k : {"name", "display_name", "code"})
            if (o.contains(QLatin1String(k)))
                return o.value(QLatin1String(k)).toString();
    }
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

// "2026-W48" or "2026-11-23" -> the Monday of that week.
QDate weekMonday(const QString &s)
{
    if (s.size() >= 7 && s.at(4) == u'-' && (s.at(5) == u'W' || s.at(5) == u'w')) {
        const int year = s.left(4).toInt();
        const int week = s.mid(6).toInt();
        QDate jan4(year, 1, 4);
        const QDate week1 = jan4.addDays(1 - jan4.dayOfWeek());
        return week1.addDays(7 * (week - 1));
    }
    const QDate d = QDate::fromString(s, Qt::ISODate);
    return d.isValid() ? d.addDays(1 - d.dayOfWeek()) : QDate();
}

QDate weekOf(const QJsonValue &v)
{
    if (v.isString())
        return weekMonday(v.toString());
    const QJsonObject o = v.toObject();
    return weekMonday(text(first(o, {"week_start", "start", "monday", "week", "iso_week"})));
}

} // namespace

PlannerModel::PlannerModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlannerModel::setApi(ApiClient *api)
{
    m_api = api;
}

void PlannerModel::setFilter(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_filters.remove(name);
    else
        m_filters.insert(name, value);
}

void PlannerModel::setRange(const QDate &from, int weeks)
{
    m_from = from.isValid() ? from.addDays(1 - from.dayOfWeek()) : QDate();
    m_weekCount = qBound(1, weeks, 104);
}

QString PlannerModel::requestPath() const
{
    QStringList parts;
    const auto add = [&parts](const QString &name, const QString &value) {
        parts.append(name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (m_from.isValid())
        add(QStringLiteral("from"), m_from.toString(Qt::ISODate));
    add(QStringLiteral("weeks"), QString::number(m_weekCount));
    add(QStringLiteral("limit"), QString::number(m_limit)); // the whole grid in one answer
    for (auto it = m_filters.cbegin(); it != m_filters.cend(); ++it)
        add(it.key(), it.value());
    return QStringLiteral("/api/v1/resourcing/planner?") + parts.join(u'&');
}

void PlannerModel::reload()
{
    if (!m_api)
        return;
    const int generation = ++m_generation;
    m_loading = true;
    emit loadingChanged(true);
    ApiReply *reply = m_api->get(requestPath());
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        m_loading = false;
        emit loadingChanged(false);
        if (!reply->ok()) {
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            return;
        }
        m_lastError.clear();
        setFromJson(reply->object());
        emit loaded();
    });
}

qint32 PlannerModel::centiHours(const QJsonValue &value)
{
    if (value.isDouble())
        return qint32(qRound64(value.toDouble() * 100));
    const QString s = value.toString().trimmed();
    if (s.isEmpty())
        return 0;
    const qsizetype dot = s.indexOf(u'.');
    bool ok = true;
    const QString whole = dot < 0 ? s : s.left(dot);
    const bool negative = whole.startsWith(u'-');
    qint64 units = whole.isEmpty() || whole == QLatin1String("-") ? 0 : qAbs(whole.toLongLong(&ok));
    if (!ok)
        return 0;
    qint64 fraction = 0;
    if (dot >= 0) {
        QString f = s.mid(dot + 1).left(3);
        while (f.size() < 3)
            f.append(u'0');
        fraction = f.toLongLong(&ok);
        if (!ok)
            return 0;
        fraction = (fraction + 5) / 10; // round half up to hundredths
    }
    const qint64 centi = units * 100 + fraction;
    return qint32(negative ? -centi : centi);
}

QString PlannerModel::hoursText(qint32 centi)
{
    const QString sign = centi < 0 ? QStringLiteral("-") : QString();
    centi = qAbs(centi);
    QString s = sign + QString::number(centi / 100);
    const int rest = centi % 100;
    if (rest != 0) {
        s += QLocale().decimalPoint();
        s += rest % 10 == 0 ? QString::number(rest / 10)
                            : QStringLiteral("%1").arg(rest, 2, 10, QLatin1Char('0'));
    }
    return s;
}

void PlannerModel::setFromJson(const QJsonObject &planner)
{
    beginResetModel();
    m_people.clear();
    m_cells.clear();
    m_weekStarts.clear();

    const QDate from = weekMonday(planner.value("from").toString());
    if (from.isValid())
        m_from = from;
    const QJsonValue weeksValue = planner.value("weeks");
    if (weeksValue.isArray()) {
        for (const QJsonValue &w : weeksValue.toArray())
            m_weekStarts.append(weekOf(w));
    }
    const QJsonArray people = first(planner, {"people", "items", "rows", "employees"}).toArray();
    int columns = int(m_weekStarts.size());
    if (columns == 0) {
        // No week list: the first person's cells say which weeks there are.
        const QJsonArray cells = first(people.first().toObject(), {"weeks", "cells"}).toArray();
        for (const QJsonValue &c : cells)
            m_weekStarts.append(weekOf(c));
        if (m_weekStarts.isEmpty() && m_from.isValid())
            for (int i = 0; i < (weeksValue.isDouble() ? weeksValue.toInt() : m_weekCount); ++i)
                m_weekStarts.append(m_from.addDays(7 * i));
        columns = int(m_weekStarts.size());
    }
    if (!m_from.isValid() && !m_weekStarts.isEmpty())
        m_from = m_weekStarts.first();
    m_columns = columns;
    m_people.reserve(people.size());
    m_cells.resize(qsizetype(people.size()) * columns);

    int row = 0;
    for (const QJsonValue &pv : people) {
        const QJsonObject p = pv.toObject();
        PlannerPerson person;
        person.id = text(first(p, {"employee_id", "id"}));
        person.name = text(first(p, {"display_name", "name", "full_name"}));
        person.role = text(first(p, {"role", "job_role", "job_role_name"}));
        person.practice = text(first(p, {"practice", "practice_code"}));
        person.country = text(first(p, {"country", "country_code"}));
        person.grade = text(p.value("grade"));
        person.weeklyCapacity =
            centiHours(first(p, {"weekly_capacity_hours", "weekly_capacity", "capacity_hours"}));
        m_people.append(person);

        const QJsonArray cells = first(p, {"weeks", "cells"}).toArray();
        for (int c = 0; c < cells.size(); ++c) {
            const QJsonObject o = cells.at(c).toObject();
            int column = c;
            const QJsonValue weekValue = first(o, {"week_start", "start", "week", "iso_week"});
            if (!weekValue.isUndefined() && columns > 0) {
                const QDate monday = weekMonday(text(weekValue));
                if (monday.isValid() && monday != m_weekStarts.value(c)) {
                    const qsizetype at = m_weekStarts.indexOf(monday);
                    if (at < 0)
                        continue;
                    column = int(at);
                }
            }
            if (column >= columns)
                continue;
            PlannerCell &cell = m_cells[qsizetype(row) * columns + column];
            cell.capacity = centiHours(
                first(o, {"capacity_hours", "capacity", "available", "available_hours"}));
            cell.hard = centiHours(first(o, {"hard", "hard_hours"}));
            cell.soft = centiHours(first(o, {"soft", "soft_hours"}));
            const qint32 holiday = centiHours(first(o, {"holiday_hours", "holidays"}));
            const qint32 leave = centiHours(first(o, {"leave_hours", "leave"}));
            // The server may only say how much of the week is away (holiday or leave).
            const qint32 away = centiHours(first(o, {"absence_hours"}));
            cell.absence = holiday + leave + away;
            if (away > 0)
                cell.flags |= PlannerCell::Absent;
            if (holiday > 0 || o.value("holiday").toBool())
                cell.flags |= PlannerCell::Holiday;
            const QJsonValue leaveFlag = o.value("leave");
            if (leave > 0 || o.value("on_leave").toBool() ||
                (leaveFlag.isBool() && leaveFlag.toBool()))
                cell.flags |= PlannerCell::Leave;
            const QJsonValue alloc =
                first(o, {"allocation", "allocation_pct", "allocation_percent"});
            if (!alloc.isUndefined()) {
                const qint64 centi = centiHours(alloc); // a percentage with up to 2 places
                cell.allocation =
                    qint16(std::clamp<qint64>(centi / 100 + (centi % 100 >= 50), 0, 9999));
            } else if (cell.capacity > 0)
                cell.allocation = qint16(std::min<qint64>(
                    9999,
                    (qint64(cell.hard + cell.soft) * 100 + cell.capacity / 2) / cell.capacity));
            else if (cell.hard + cell.soft > 0)
                cell.allocation = 999;
            cell.hardPercent =
                cell.capacity > 0
                    ? qint16(std::min<qint64>(9999, (qint64(cell.hard) * 100 + cell.capacity / 2) /
                                                        cell.capacity))
                    : qint16(cell.hard > 0 ? 999 : 0);
            if (cell.capacity <= 0)
                cell.flags |= PlannerCell::Unavailable;
            if (cell.allocation > 100)
                cell.flags |= PlannerCell::OverAllocated;
        }
        ++row;
    }
    endResetModel();
}

QString PlannerModel::weekLabel(int column) const
{
    const QDate d = m_weekStarts.value(column);
    return d.isValid() ? QStringLiteral("W%1").arg(d.weekNumber(), 2, 10, QLatin1Char('0'))
                       : QString();
}

int PlannerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int PlannerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant PlannerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_people.size() || index.column() >= m_columns)
        return {};
    const PlannerCell &c = cell(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return c.has(PlannerCell::Unavailable) && c.hard + c.soft == 0
                   ? QString()
                   : QStringLiteral("%1 %").arg(c.allocation);
    case Qt::ToolTipRole: {
        const PlannerPerson &p = m_people.at(index.row());
        QString tip =
            QCoreApplication::translate("keel::resourcing::PlannerModel", "%1, week of %2")
                .arg(p.name, QLocale().toString(weekStart(index.column()), QLocale::ShortFormat));
        tip +=
            u'\n' + QCoreApplication::translate("keel::resourcing::PlannerModel", "Available: %1 h")
                        .arg(hoursText(c.capacity));
        tip += u'\n' + QCoreApplication::translate("keel::resourcing::PlannerModel",
                                                   "Hard: %1 h, soft: %2 h (%3 %)")
                           .arg(hoursText(c.hard), hoursText(c.soft))
                           .arg(c.allocation);
        if (c.has(PlannerCell::Holiday))
            tip += u'\n' + QCoreApplication::translate("keel::resourcing::PlannerModel",
                                                       "Public holiday in this week");
        if (c.has(PlannerCell::Absent))
            tip += u'\n' + QCoreApplication::translate("keel::resourcing::PlannerModel",
                                                       "Holiday or leave: %1 h")
                               .arg(hoursText(c.absence));
        if (c.has(PlannerCell::Leave))
            tip += u'\n' + QCoreApplication::translate("keel::resourcing::PlannerModel",
                                                       "On leave in this week");
        if (c.has(PlannerCell::OverAllocated))
            tip += u'\n' +
                   QCoreApplication::translate("keel::resourcing::PlannerModel", "Over-allocated");
        return tip;
    }
    case AllocationRole:
        return int(c.allocation);
    case HardPercentRole:
        return int(c.hardPercent);
    case SoftHoursRole:
        return hoursText(c.soft);
    case FlagsRole:
        return int(c.flags);
    case PersonIdRole:
        return m_people.at(index.row()).id;
    case WeekStartRole:
        return weekStart(index.column());
    default:
        return {};
    }
}

QVariant PlannerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_columns)
            return {};
        if (role == Qt::DisplayRole)
            return weekLabel(section) + u'\n' +
                   QLocale().toString(weekStart(section), QStringLiteral("d MMM"));
        if (role == Qt::ToolTipRole)
            return QCoreApplication::translate("keel::resourcing::PlannerModel", "Week of %1")
                .arg(QLocale().toString(weekStart(section), QLocale::LongFormat));
        return {};
    }
    if (section < 0 || section >= m_people.size())
        return {};
    const PlannerPerson &p = m_people.at(section);
    if (role == Qt::DisplayRole)
        return p.name;
    if (role == Qt::ToolTipRole) {
        QStringList parts{p.role, p.practice, p.country};
        parts.removeAll(QString());
        return p.name + u'\n' + parts.join(QStringLiteral(" · "));
    }
    if (role == PersonIdRole)
        return p.id;
    return {};
}

} // namespace keel::resourcing
