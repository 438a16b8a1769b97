#include "time_approval_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>
#include <QUrl>

namespace keel::timeapproval {

using sales::formatDateText;
using sales::groupDigits;
using sales::idText;

namespace {
Decimal hoursOf(const QJsonObject &line)
{
    return Decimal::parse(line.value("hours").toString()).valueOr(Decimal());
}

Decimal sum(const Decimal &a, const Decimal &b)
{
    return a.add(b).valueOr(a);
}
} // namespace

TimeApprovalModel::TimeApprovalModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

void TimeApprovalModel::setFilter(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_filters.remove(name);
    else
        m_filters.insert(name, value);
}

void TimeApprovalModel::setProjectFilter(const QString &projectId)
{
    setFilter("project_id", projectId);
}

void TimeApprovalModel::setEmployeeFilter(const QString &employeeId)
{
    setFilter("employee_id", employeeId);
}

void TimeApprovalModel::setWeekFilter(const QString &monday)
{
    setFilter("week", monday);
}

void TimeApprovalModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_checked.clear();
    m_after.clear();
    m_atEnd = false;
    m_checkAllPending = false;
    ++m_generation; // answers to earlier requests are dropped
    m_loading = false;
    endResetModel();
    emit checkedChanged();
    fetchMore({});
}

QJsonObject TimeApprovalModel::line(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int TimeApprovalModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (idText(m_rows.at(i).value("id")) == id)
            return i;
    return -1;
}

void TimeApprovalModel::emitCheckRange(int first, int last)
{
    if (first <= last)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1), {Qt::CheckStateRole});
}

void TimeApprovalModel::setChecked(int row, bool checked)
{
    setCheckedRows({row}, checked);
}

bool TimeApprovalModel::isChecked(int row) const
{
    return m_checked.contains(idText(line(row).value("id")));
}

void TimeApprovalModel::setCheckedRows(const QList<int> &rows, bool checked)
{
    bool changed = false;
    for (int row : rows) {
        if (row < 0 || row >= m_rows.size())
            continue;
        const QString id = idText(m_rows.at(row).value("id"));
        if (checked == m_checked.contains(id))
            continue;
        if (checked)
            m_checked.insert(id);
        else
            m_checked.remove(id);
        emitCheckRange(row, row);
        changed = true;
    }
    if (changed)
        emit checkedChanged();
}

void TimeApprovalModel::checkAllMatching(bool checked)
{
    if (!checked) {
        m_checkAllPending = false;
        if (m_checked.isEmpty())
            return;
        m_checked.clear();
        emitCheckRange(0, int(m_rows.size()) - 1);
        emit checkedChanged();
        return;
    }
    if (!m_atEnd) { // the rest of the filter first; pageLoaded() continues
        m_checkAllPending = true;
        if (!m_loading)
            fetchMore({});
        return;
    }
    m_checkAllPending = false;
    for (const QJsonObject &l : std::as_const(m_rows))
        m_checked.insert(idText(l.value("id")));
    emitCheckRange(0, int(m_rows.size()) - 1);
    emit checkedChanged();
}

QStringList TimeApprovalModel::checkedIds() const
{
    QStringList ids;
    for (const QJsonObject &l : m_rows) // in list order, for people and tests
        if (m_checked.contains(idText(l.value("id"))))
            ids.append(idText(l.value("id")));
    return ids;
}

Decimal TimeApprovalModel::checkedHours() const
{
    Decimal total;
    for (const QJsonObject &l : m_rows)
        if (m_checked.contains(idText(l.value("id"))))
            total = sum(total, hoursOf(l));
    return total;
}

Decimal TimeApprovalModel::loadedHours() const
{
    Decimal total;
    for (const QJsonObject &l : m_rows)
        total = sum(total, hoursOf(l));
    return total;
}

void TimeApprovalModel::approveChecked()
{
    decide(QStringLiteral("approve"), QString());
}

void TimeApprovalModel::rejectChecked(const QString &comment)
{
    if (comment.trimmed().isEmpty()) {
        emit decisionFailed(422, tr("Say why you reject these lines; the consultant sees your "
                                    "comment."));
        return;
    }
    decide(QStringLiteral("reject"), comment.trimmed());
}

void TimeApprovalModel::decide(const QString &decision, const QString &comment)
{
    if (!m_api || m_deciding)
        return;
    if (m_checked.isEmpty()) {
        emit decisionFailed(0, tr("Tick the lines to decide first."));
        return;
    }
    QJsonArray lines;
    for (const QJsonObject &l : std::as_const(m_rows))
        if (m_checked.contains(idText(l.value("id"))))
            lines.append(QJsonObject{{"id", l.value("id")}, {"version", l.value("version")}});
    const int count = int(lines.size());
    QJsonObject body{{"decision", decision}, {"lines", lines}};
    if (!comment.isEmpty())
        body.insert("comment", comment);
    m_deciding = true;
    ApiReply *reply = m_api->post(QStringLiteral("/api/v1/time/approvals"), body);
    const bool approve = decision == QLatin1String("approve");
    connect(reply, &ApiReply::finished, this, [this, reply, approve, count] {
        m_deciding = false;
        if (reply->ok()) {
            emit decided(approve, count);
            reload();
            return;
        }
        emit decisionFailed(
            reply->status(),
            decisionFailureText(reply->status(), humanMessage(reply->problem()), count));
        // What the server holds now is what the PM must see: the lines someone else decided
        // disappear, changed ones come back with their new version.
        if (reply->status() == 409 || reply->status() == 412)
            reload();
    });
}

QString TimeApprovalModel::decisionFailureText(int status, const QString &serverText, int lines)
{
    switch (status) {
    case 409:
        return tr("Nothing was decided: at least one of the %n line(s) is no longer waiting for "
                  "approval. Someone else (another project manager, or the consultant "
                  "withdrawing it) decided it meanwhile. The list now shows what is still "
                  "open.",
                  nullptr, lines) +
               (serverText.isEmpty() ? QString() : QStringLiteral("\n") + serverText);
    case 412:
        return tr("Nothing was decided: at least one of the %n line(s) changed since you loaded "
                  "the list (someone else decided or edited it). The list was reloaded; check "
                  "the lines and decide again.",
                  nullptr, lines);
    default:
        return serverText;
    }
}

QString TimeApprovalModel::hoursText(const QString &decimal)
{
    const auto d = Decimal::parse(decimal);
    return d ? groupDigits(d->rounded(2).toString(2)) : decimal;
}

QString TimeApprovalModel::outsideReason(const QJsonObject &line)
{
    if (!line.value("outside_assignment").toBool())
        return {};
    const QString why = line.value("outside_assignment_reason").toString();
    if (!why.isEmpty())
        return why;
    const QString person = line.value("employee_name").toString();
    const QString project = line.value("project_name").toString();
    return tr("Outside the assignment: %1 has no assignment to %2 covering %3. The time was "
              "accepted but needs your judgement before you approve it.")
        .arg(person.isEmpty() ? tr("this person") : person, project,
             formatDateText(line.value("work_date").toString()));
}

int TimeApprovalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimeApprovalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimeApprovalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &l = m_rows.at(index.row());
    const bool outside = l.value("outside_assignment").toBool();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PersonColumn:
            return l.value("employee_name").toString();
        case DateColumn:
            return formatDateText(l.value("work_date").toString());
        case ProjectColumn:
            return l.value("project_name").toString();
        case TaskColumn:
            return l.value("task_name").toString();
        case HoursColumn:
            return hoursText(l.value("hours").toString());
        case BillableColumn:
            return l.value("billable").toBool() ? tr("Billable") : tr("Internal");
        case NotesColumn: {
            QString notes = l.value("notes").toString();
            if (!l.value("adjusts_id").isNull() && l.contains("adjusts_id"))
                notes =
                    tr("Adjustment") + (notes.isEmpty() ? QString() : QStringLiteral(": ") + notes);
            return outside ? QStringLiteral("⚠ ") + notes : notes;
        }
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == CheckColumn)
            return m_checked.contains(idText(l.value("id"))) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (outside)
            return outsideReason(l);
        if (index.column() == NotesColumn)
            return l.value("notes").toString();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == HoursColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return idText(l.value("id"));
    case ObjectRole:
        return l;
    case OutsideAssignmentRole:
        return outside;
    default:
        return {};
    }
}

bool TimeApprovalModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != CheckColumn || role != Qt::CheckStateRole)
        return false;
    setChecked(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags TimeApprovalModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == CheckColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant TimeApprovalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == HoursColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                      : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CheckColumn:
        return QString();
    case PersonColumn:
        return tr("Person");
    case DateColumn:
        return tr("Date");
    case ProjectColumn:
        return tr("Project");
    case TaskColumn:
        return tr("Task");
    case HoursColumn:
        return tr("Hours");
    case BillableColumn:
        return tr("Billing");
    case NotesColumn:
        return tr("Notes");
    default:
        return {};
    }
}

bool TimeApprovalModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_api;
}

void TimeApprovalModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_loading || !m_api)
        return;
    setLoading(true);
    QStringList q{QStringLiteral("limit=%1").arg(m_checkAllPending ? 500 : m_pageSize)};
    if (!m_after.isEmpty())
        // "2026-11-16/<uuid>": the server reads the query pretty-decoded, where %2F stays
        // encoded, so the slash goes as it is (legal in a query).
        q.append(QStringLiteral("after=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(m_after, "/:")));
    for (auto it = m_filters.cbegin(); it != m_filters.cend(); ++it)
        q.append(it.key() + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    const int generation = m_generation;
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/time/approvals?") + q.join(u'&'));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!reply->ok()) {
            m_atEnd = true; // a scrolling view must not hammer a failing server
            m_checkAllPending = false;
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            emit pageLoaded();
            return;
        }
        m_lastError.clear();
        const QJsonObject page = reply->object();
        const QJsonArray items = page.value("items").toArray();
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                m_rows.append(v.toObject());
            endInsertRows();
        }
        const QJsonValue next = page.value("next_after");
        m_after = next.isString()
                      ? next.toString()
                      : (next.isDouble() ? QString::number(next.toInteger()) : QString());
        m_atEnd = m_after.isEmpty() || items.isEmpty();
        emit pageLoaded();
        if (m_checkAllPending)
            checkAllMatching(true);
    });
}

void TimeApprovalModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace keel::timeapproval
