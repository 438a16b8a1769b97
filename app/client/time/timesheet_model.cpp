#include "timesheet_model.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace keel::offline {

namespace {

Decimal sum(const Decimal &a, const Decimal &b)
{
    const auto r = a.add(b);
    return r ? *r : a; // hours of a week never approach Decimal's range
}

Decimal hoursOf(const TimeEntry &e)
{
    const auto d = Decimal::parse(e.hours);
    return d ? *d : Decimal();
}

bool cellEditable(const QList<TimeEntry> &entries)
{
    return std::all_of(entries.begin(), entries.end(),
                       [](const TimeEntry &e) { return e.isEditable(); });
}

QString statusWords(const QString &status)
{
    if (status == QLatin1String("draft"))
        return TimesheetModel::tr("draft");
    if (status == QLatin1String("submitted"))
        return TimesheetModel::tr("submitted, waiting for approval");
    if (status == QLatin1String("approved"))
        return TimesheetModel::tr("approved");
    if (status == QLatin1String("rejected"))
        return TimesheetModel::tr("rejected");
    if (status == QLatin1String("invoiced"))
        return TimesheetModel::tr("invoiced");
    return status;
}

} // namespace

TimesheetModel::TimesheetModel(LocalStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_monday(mondayOf(QDate::currentDate()))
{
    connect(m_store, &LocalStore::changed, this, &TimesheetModel::reload);
    m_rows = readWeek();
}

QDate TimesheetModel::mondayOf(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

void TimesheetModel::setWeek(const QDate &anyDayOfWeek)
{
    const QDate monday = mondayOf(anyDayOfWeek);
    if (monday == m_monday)
        return;
    beginResetModel();
    m_monday = monday;
    m_extraRows.clear();
    m_rows = readWeek();
    endResetModel();
    emit weekChanged(m_monday);
    emit totalsChanged();
}

QDate TimesheetModel::dateOfColumn(int column) const
{
    if (column < FirstDayColumn || column > LastDayColumn)
        return {};
    return m_monday.addDays(column - FirstDayColumn);
}

QList<TimesheetModel::Row> TimesheetModel::readWeek() const
{
    QList<Row> rows;
    auto rowFor = [&rows](const RowKey &key) -> Row & {
        for (Row &r : rows)
            if (r.key == key)
                return r;
        rows.append(Row{key, {}, {}, {}, {}});
        return rows.last();
    };
    for (const TimeEntry &e : m_store->timeEntries(m_monday, m_monday.addDays(6))) {
        Row &row = rowFor({e.projectId, e.taskId});
        if (row.projectName.isEmpty())
            row.projectName = e.projectName;
        if (row.taskName.isEmpty())
            row.taskName = e.taskName;
        Cell &c = row.days[m_monday.daysTo(e.workDate)];
        c.entries.append(e);
        c.total = sum(c.total, hoursOf(e));
    }
    for (const RowKey &key : m_extraRows)
        rowFor(key);
    for (Row &r : rows) {
        if (r.projectName.isEmpty())
            r.projectName = m_store->projectName(r.key.projectId);
        if (r.taskName.isEmpty() && r.key.taskId != 0)
            r.taskName = m_store->taskName(r.key.taskId);
        if (r.projectName.isEmpty())
            r.projectName = tr("Project %1").arg(r.key.projectId);
        r.label = r.taskName.isEmpty()
                      ? r.projectName
                      : QStringLiteral("%1 \u2014 %2").arg(r.projectName, r.taskName);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return QString::localeAwareCompare(a.label, b.label) < 0;
    });
    return rows;
}

void TimesheetModel::reload()
{
    QList<Row> rows = readWeek();
    bool sameShape = rows.size() == m_rows.size();
    for (int i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].key == m_rows[i].key;
    if (sameShape) {
        // Same rows: keep the view's current cell and editor.
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    emit totalsChanged();
}

int TimesheetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1; // + the total row
}

int TimesheetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TimesheetModel::isDayCell(const QModelIndex &index) const
{
    return index.isValid() && index.column() >= FirstDayColumn && index.column() <= LastDayColumn &&
           !isTotalRow(index.row());
}

TimesheetModel::RowKey TimesheetModel::rowKey(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].key : RowKey{};
}

int TimesheetModel::rowOf(const RowKey &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key == key)
            return i;
    return -1;
}

const TimesheetModel::Cell *TimesheetModel::cell(const QModelIndex &index) const
{
    if (!isDayCell(index))
        return nullptr;
    return &m_rows[index.row()].days[index.column() - FirstDayColumn];
}

Decimal TimesheetModel::dayTotal(int dayIndex) const
{
    Decimal t;
    for (const Row &r : m_rows)
        t = sum(t, r.days[dayIndex].total);
    return t;
}

Decimal TimesheetModel::rowTotal(int row) const
{
    Decimal t;
    if (row < 0 || row >= m_rows.size())
        return t;
    for (const Cell &c : m_rows[row].days)
        t = sum(t, c.total);
    return t;
}

Decimal TimesheetModel::weekTotal() const
{
    Decimal t;
    for (int d = 0; d < 7; ++d)
        t = sum(t, dayTotal(d));
    return t;
}

Decimal TimesheetModel::capacity() const
{
    return m_store->weeklyCapacityHours();
}

int TimesheetModel::draftCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        for (const Cell &c : r.days)
            for (const TimeEntry &e : c.entries)
                if (e.status == QLatin1String("draft") || e.status == QLatin1String("rejected"))
                    ++n;
    return n;
}

int TimesheetModel::problemCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        for (const Cell &c : r.days)
            for (const TimeEntry &e : c.entries)
                if (e.syncState != SyncState::Synced || e.status == QLatin1String("rejected"))
                    ++n;
    return n;
}

QString TimesheetModel::formatHours(const Decimal &hours)
{
    return hours.isZero() ? QString() : hours.toString(2);
}

std::optional<Decimal> TimesheetModel::parseHours(QString text, QString *error)
{
    text = text.trimmed();
    if (text.isEmpty())
        return Decimal();
    std::optional<Decimal> value;
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,2}):([0-5]\\d)$"));
    if (const auto m = clock.match(text); m.hasMatch()) {
        // 7:30 = 7.5 h; only minutes that are whole hundredths of an hour are exact.
        const int minutes = m.captured(2).toInt();
        const auto frac = Decimal::fromInt(minutes).divide(Decimal::fromInt(60));
        if (frac && frac->rounded(2) == *frac)
            value = sum(Decimal::fromInt(m.captured(1).toInt()), *frac);
    } else {
        text.replace(QLatin1Char(','), QLatin1Char('.'));
        if (text.startsWith(QLatin1Char('.')))
            text.prepend(QLatin1Char('0'));
        const auto d = Decimal::parse(text);
        if (d && d->rounded(2) == *d)
            value = *d;
    }
    if (!value) {
        if (error)
            *error =
                tr("\u201c%1\u201d is not a number of hours (for example 7.5 or 7:30).").arg(text);
        return std::nullopt;
    }
    if (value->isNegative() || *value > Decimal::fromInt(24)) {
        if (error)
            *error = tr("A day has at most 24 hours.");
        return std::nullopt;
    }
    return value;
}

QVariant TimesheetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int row = index.row();
    const int col = index.column();
    const bool totalRow = isTotalRow(row);

    if (role == IsTotalRowRole)
        return totalRow;
    if (role == Qt::TextAlignmentRole)
        return col == LabelColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                  : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));

    if (col == LabelColumn) {
        if (role == Qt::DisplayRole)
            return totalRow ? tr("Total") : m_rows[row].label;
        if (role == Qt::ToolTipRole && !totalRow)
            return m_rows[row].label;
        return {};
    }
    if (col == TotalColumn || totalRow) {
        if (role != Qt::DisplayRole && role != Qt::EditRole)
            return {};
        if (totalRow && col == TotalColumn)
            return weekTotal().toString(2);
        if (totalRow)
            return dayTotal(col - FirstDayColumn).toString(2);
        return rowTotal(row).toString(2);
    }

    const Cell *c = cell(index);
    const TimeEntry *first = c->entries.isEmpty() ? nullptr : &c->entries.first();
    QString problem;
    SyncState sync = SyncState::Synced;
    QString status;
    bool dirty = false;
    QStringList notes;
    for (const TimeEntry &e : c->entries) {
        if (e.syncState != SyncState::Synced) {
            sync = e.syncState;
            problem = e.syncMessage;
        } else if (e.status == QLatin1String("rejected") && problem.isEmpty()) {
            problem = tr("Rejected by the approver: %1").arg(e.rejectionReason);
        }
        if (status.isEmpty() || e.status == QLatin1String("rejected"))
            status = e.status;
        dirty = dirty || e.dirty;
        if (!e.notes.isEmpty())
            notes.append(e.notes);
    }
    switch (role) {
    case Qt::DisplayRole:
        return formatHours(c->total);
    case Qt::EditRole:
        return c->total.isZero() ? QString() : c->total.toString();
    case NoteRole:
        return notes.join(QStringLiteral("; "));
    case StatusRole:
        return status;
    case SyncStateRole:
        return int(sync);
    case ProblemRole:
        return problem;
    case EntryIdRole:
        return first ? QVariant::fromValue(first->id) : QVariant();
    case DirtyRole:
        return dirty;
    case Qt::ToolTipRole: {
        if (!first)
            return tr("Type hours (7.5 or 7:30). Alt+N: note.");
        QStringList lines;
        lines << tr("%1 h, %2").arg(formatHours(c->total), statusWords(status));
        if (!notes.isEmpty())
            lines << tr("Note: %1").arg(notes.join(QStringLiteral("; ")));
        if (!problem.isEmpty())
            lines << problem;
        if (dirty && sync == SyncState::Synced)
            lines << tr("Not yet on the server.");
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant TimesheetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == LabelColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                      : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (section == LabelColumn)
        return tr("Project / task");
    if (section == TotalColumn)
        return tr("Total");
    const QDate d = dateOfColumn(section);
    if (role == Qt::ToolTipRole)
        return QLocale().toString(d, QLocale::LongFormat);
    return QStringLiteral("%1 %2").arg(QLocale().dayName(d.dayOfWeek(), QLocale::ShortFormat),
                                       QLocale().toString(d, QStringLiteral("d MMM")));
}

Qt::ItemFlags TimesheetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (const Cell *c = cell(index); c && cellEditable(c->entries))
        f |= Qt::ItemIsEditable;
    return f;
}

bool TimesheetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isDayCell(index))
        return false;
    const Cell *c = cell(index);
    if (!cellEditable(c->entries)) {
        m_error = tr("These hours are submitted or approved and cannot be changed here.");
        emit saveFailed(m_error);
        return false;
    }
    QString error;
    const auto hours = parseHours(value.toString(), &error);
    if (!hours) {
        m_error = error;
        emit saveFailed(m_error);
        return false;
    }
    if (*hours == c->total)
        return true;
    const int day = index.column() - FirstDayColumn;
    const auto others = dayTotal(day).subtract(c->total);
    if (others && sum(*others, *hours) > Decimal::fromInt(24)) {
        m_error = tr("That would make more than 24 hours on %1.")
                      .arg(QLocale().toString(dateOfColumn(index.column()), QLocale::LongFormat));
        emit saveFailed(m_error);
        return false;
    }
    const Row row = m_rows[index.row()]; // copy: saving reloads the rows
    const QList<TimeEntry> entries = c->entries;
    bool ok = true;
    if (hours->isZero()) {
        for (const TimeEntry &e : entries)
            ok = m_store->deleteTimeEntry(e.id) && ok;
    } else {
        TimeEntry e;
        if (!entries.isEmpty()) {
            e = entries.first();
            // One entry per cell from here on: the others fold into the first.
            for (int i = 1; i < entries.size(); ++i)
                ok = m_store->deleteTimeEntry(entries[i].id) && ok;
        } else {
            e.workDate = dateOfColumn(index.column());
            e.projectId = row.key.projectId;
            e.taskId = row.key.taskId;
            e.projectName = row.projectName;
            e.taskName = row.taskName;
        }
        e.hours = hours->toString(2);
        ok = ok && m_store->saveTimeEntry(e);
    }
    if (!ok) {
        m_error = m_store->errorString();
        emit saveFailed(m_error);
    }
    return ok;
}

bool TimesheetModel::setNote(const QModelIndex &index, const QString &note)
{
    const Cell *c = cell(index);
    if (!c || c->entries.isEmpty()) {
        m_error = tr("Enter hours first; the note belongs to them.");
        emit saveFailed(m_error);
        return false;
    }
    TimeEntry e = c->entries.first();
    if (e.notes == note)
        return true;
    e.notes = note;
    if (!m_store->saveTimeEntry(e)) {
        m_error = m_store->errorString();
        emit saveFailed(m_error);
        return false;
    }
    return true;
}

int TimesheetModel::addRow(qint64 projectId, qint64 taskId)
{
    const RowKey key{projectId, taskId};
    if (const int existing = rowOf(key); existing >= 0)
        return existing;
    m_extraRows.append(key);
    beginResetModel();
    m_rows = readWeek();
    endResetModel();
    return rowOf(key);
}

int TimesheetModel::copyLastWeek()
{
    const QDate from = m_monday.addDays(-7);
    int created = 0;
    const QList<TimeEntry> last = m_store->timeEntries(from, from.addDays(6));
    for (const TimeEntry &prev : last) {
        const QDate date = prev.workDate.addDays(7);
        const int row = rowOf({prev.projectId, prev.taskId});
        if (row >= 0 && !m_rows[row].days[m_monday.daysTo(date)].entries.isEmpty())
            continue; // never overwrite what is already there
        TimeEntry e;
        e.workDate = date;
        e.projectId = prev.projectId;
        e.taskId = prev.taskId;
        e.projectName = prev.projectName;
        e.taskName = prev.taskName;
        e.hours = prev.hours;
        e.billable = prev.billable;
        e.notes = prev.notes;
        if (m_store->saveTimeEntry(e))
            ++created;
    }
    return created;
}

} // namespace keel::offline
