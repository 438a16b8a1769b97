#pragma once

#include "decimal.h"
#include "local_store.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace keel::offline {

// One week of the user's time from the LocalStore as a grid: a row per project/task, a column
// per day (Mon..Sun), a total column and a total row. Hours are decimal strings end to end
// (Decimal for sums, never double). Editing a cell saves through the store at once (which
// queues the sync); an empty or zero cell deletes the entry.
class TimesheetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        LabelColumn = 0,
        FirstDayColumn = 1,
        LastDayColumn = 7,
        TotalColumn = 8,
        ColumnCount = 9
    };
    enum Role
    {
        NoteRole = Qt::UserRole + 1,
        StatusRole,     // server status of the cell ("draft", "rejected", … or "" when empty)
        SyncStateRole,  // int(SyncState)
        ProblemRole,    // rejection or conflict in words (empty when none)
        EntryIdRole,    // QUuid of the cell's entry (first one)
        IsTotalRowRole, // bool
        DirtyRole       // bool: not yet on the server
    };

    struct RowKey
    {
        qint64 projectId = 0;
        qint64 taskId = 0;
        bool operator==(const RowKey &) const = default;
    };

    explicit TimesheetModel(LocalStore *store, QObject *parent = nullptr);

    static QDate mondayOf(const QDate &date);
    void setWeek(const QDate &anyDayOfWeek);
    QDate week() const { return m_monday; }
    QDate dateOfColumn(int column) const;

    // Re-reads the week from the store (keeps rows added by the user).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    bool isDayCell(const QModelIndex &index) const;
    bool isTotalRow(int row) const { return row == int(m_rows.size()); }
    int entryRowCount() const { return int(m_rows.size()); }
    RowKey rowKey(int row) const;
    int rowOf(const RowKey &key) const; // -1 when absent

    // The note of a cell; a cell without hours cannot carry a note.
    bool setNote(const QModelIndex &index, const QString &note);
    // Adds an empty row (no-op when present); returns its row.
    int addRow(qint64 projectId, qint64 taskId);
    // Copies the previous week's hours and notes into cells that are still empty; returns how
    // many entries were created.
    int copyLastWeek();

    Decimal dayTotal(int dayIndex) const; // 0 = Monday
    Decimal rowTotal(int row) const;
    Decimal weekTotal() const;
    // Expected hours of the week (the employee's weekly capacity, 40 when unknown).
    Decimal capacity() const;
    // Entries of the week: how many, how many still draft/rejected.
    int draftCount() const;
    int problemCount() const; // rejected or in conflict

    QString errorString() const { return m_error; }

    // "7.5" / "7,50" / "7:30" → Decimal with at most 2 decimals, between 0 and 24.
    static std::optional<Decimal> parseHours(QString text, QString *error = nullptr);
    static QString formatHours(const Decimal &hours); // "7.50", "" for zero

signals:
    void weekChanged(const QDate &monday);
    void totalsChanged();
    void saveFailed(const QString &message);

private:
    struct Cell
    {
        QList<TimeEntry> entries;
        Decimal total;
    };
    struct Row
    {
        RowKey key;
        QString label;
        QString projectName;
        QString taskName;
        Cell days[7];
    };
    QList<Row> readWeek() const;
    const Cell *cell(const QModelIndex &index) const;

    LocalStore *m_store;
    QDate m_monday;
    QList<Row> m_rows;
    QList<RowKey> m_extraRows; // added by the user this week, no hours yet
    QString m_error;
};

} // namespace keel::offline
