#pragma once

#include <QHash>
#include <QIdentityProxyModel>
#include <QJsonObject>

#include <functional>

namespace keel::finance {

// Shows chosen columns of a list model as words computed from the whole row (a status in the
// user's language, "Invoice 42" from source_type and source_id) while sorting, paging and ids
// stay the source model's. The source must answer its row object under `objectRole`.
class RowTextProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using TextFn = std::function<QString(const QJsonObject &row)>;

    RowTextProxy(int objectRole, QObject *parent = nullptr);
    void setColumnText(int column, TextFn text);
    // A title of the proxy's own for a column (the same list read another way).
    void setHeaderText(int column, const QString &title);
    // Answers `role` with a flag computed from the row (a totals row drawn bold).
    void setRowFlag(int role, std::function<bool(const QJsonObject &row)> flag);
    // Off until the owner has pointed the list somewhere: a view asks for rows as soon as it is
    // shown, and a list without its path would answer with an error.
    void setFetchEnabled(bool enabled) { m_fetch = enabled; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Fetching more rows is the source's business: a view scrolling the proxy pages the list.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    int m_objectRole;
    QHash<int, TextFn> m_texts;
    QHash<int, QString> m_headers;
    QHash<int, std::function<bool(const QJsonObject &)>> m_flags;
    bool m_fetch = false;
};

} // namespace keel::finance
