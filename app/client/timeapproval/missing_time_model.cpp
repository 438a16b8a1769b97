#include "missing_time_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "json_codec.h"
#include "problem_text.h"
#include "sales_format.h"
#include "time_approval_model.h"

#include <QJsonArray>
#include <QMap>
#include <QStringList>

namespace keel::timeapproval {

using sales::formatDateText;

namespace {
QString hoursText(const QJsonValue &v)
{
    return TimeApprovalModel::hoursText(v.isString() ? v.toString() : v.toVariant().toString());
}

// A week's hours as a number only to pick the row's colour; never stored or summed.
bool nothingEntered(const QJsonObject &w)
{
    const auto entered = Decimal::parse(w.value("entered_hours").toString());
    return entered.ok() && entered.value().isZero();
}
} // namespace

MissingTimeModel::MissingTimeModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

void MissingTimeModel::setPeriod(QDate from, QDate to)
{
    m_from = from;
    m_to = to;
}

void MissingTimeModel::reload()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_loading = true;
    fetch(QString(), ++m_generation);
}

void MissingTimeModel::fetch(const QString &after, int generation)
{
    if (!m_api)
        return;
    QStringList q{QStringLiteral("limit=500")};
    if (m_from.isValid())
        q.append(QStringLiteral("from=") + formatDate(m_from));
    if (m_to.isValid())
        q.append(QStringLiteral("to=") + formatDate(m_to));
    if (!m_projectId.isEmpty())
        q.append(QStringLiteral("project_id=") + m_projectId);
    if (!after.isEmpty())
        q.append(QStringLiteral("after=") + after);
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/time/missing?") + q.join(u'&'));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            m_loading = false;
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            emit loaded();
            return;
        }
        m_lastError.clear();
        const QJsonObject page = reply->object();
        const QJsonArray items =
            reply->json().isArray() ? reply->json().array() : page.value("items").toArray();
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                m_rows.append(v.toObject());
            endInsertRows();
        }
        const QJsonValue next = page.value("next_after");
        const QString after =
            next.isString() ? next.toString()
                            : (next.isDouble() ? QString::number(next.toInteger()) : QString());
        if (!after.isEmpty() && !items.isEmpty()) { // the period is bounded: load it whole
            fetch(after, generation);
            return;
        }
        m_loading = false;
        emit loaded();
    });
}

QJsonObject MissingTimeModel::week(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

QString MissingTimeModel::weekText(const QJsonObject &w) const
{
    const QString when = tr("week of %1").arg(formatDateText(w.value("week_start").toString()));
    const QString hours =
        tr("%1 of %2 h entered")
            .arg(hoursText(w.value("entered_hours")), hoursText(w.value("expected_hours")));
    const QString state =
        w.value("submitted").toBool() ? tr("submitted short") : tr("not submitted");
    return tr("%1 (%2, %3)").arg(when, hours, state);
}

QString MissingTimeModel::reminderText() const
{
    // Grouped by person, in the order people first appear.
    QStringList order;
    QMap<QString, QStringList> weeks;
    for (const QJsonObject &w : m_rows) {
        const QString person = w.value("employee_name").toString();
        if (!weeks.contains(person))
            order.append(person);
        weeks[person].append(weekText(w));
    }
    QStringList lines;
    for (const QString &person : std::as_const(order))
        lines.append(tr("%1: %2").arg(person, weeks.value(person).join(QStringLiteral("; "))));
    return lines.join(u'\n');
}

int MissingTimeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MissingTimeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MissingTimeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &w = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PersonColumn:
            return w.value("employee_name").toString();
        case WeekColumn:
            return formatDateText(w.value("week_start").toString());
        case ExpectedColumn:
            return hoursText(w.value("expected_hours"));
        case EnteredColumn:
            return hoursText(w.value("entered_hours"));
        case SubmittedColumn:
            return w.value("submitted").toBool() ? tr("Submitted (short)") : tr("Not submitted");
        default:
            return {};
        }
    case NothingEnteredRole:
        return nothingEntered(w);
    case Qt::TextAlignmentRole:
        if (index.column() == ExpectedColumn || index.column() == EnteredColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant MissingTimeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == ExpectedColumn || section == EnteredColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PersonColumn:
        return tr("Person");
    case WeekColumn:
        return tr("Week of");
    case ExpectedColumn:
        return tr("Expected h");
    case EnteredColumn:
        return tr("Entered h");
    case SubmittedColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace keel::timeapproval
