#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace keel::expenses {

class ExpenseBook;

// The person's expenses, newest first: date, category, description, amount, status (with
// "waiting to sync" and policy flags). Drafts carry a check box: the ticked ones go into the
// next report.
class ExpenseListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CheckColumn,
        DateColumn,
        CategoryColumn,
        DescriptionColumn,
        AmountColumn,
        StatusColumn,
        ColumnCount
    };
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole,
        BreachRole // the server flagged a policy breach: views mark the row
    };

    explicit ExpenseListModel(ExpenseBook *book, QObject *parent = nullptr);

    QString idAt(int row) const;
    int rowOf(const QString &id) const;
    QStringList checkedIds() const;
    void setChecked(const QString &id, bool checked);
    static bool isDraft(const QJsonObject &expense);
    static QString statusText(const QJsonObject &expense);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void checkedChanged();

private:
    QPointer<ExpenseBook> m_book;
    QSet<QString> m_checked;
};

} // namespace keel::expenses
