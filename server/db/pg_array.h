#pragma once

#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QStringList>

#include <optional>

namespace keel::db {

// A PostgreSQL array literal built element by element, bound as one text parameter and cast in
// SQL (`unnest(?::numeric[], ?::date[])`): set-based writes with one statement per table.
class PgArray
{
public:
    void add(const QString &value)
    {
        QString v = value;
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        m_items.append(u'"' + v + u'"');
    }
    void addNull() { m_items.append(QStringLiteral("NULL")); }
    void add(qint64 id) // 0 is NULL (ids start at 1)
    {
        if (id)
            m_items.append(QString::number(id));
        else
            addNull();
    }
    void add(const std::optional<Decimal> &d) { d ? add(d->toString()) : addNull(); }
    void add(const std::optional<Money> &m) { m ? add(m->toString()) : addNull(); }
    void add(QDate d) { d.isValid() ? add(d.toString(Qt::ISODate)) : addNull(); }
    void addText(const QString &s) { s.isEmpty() ? addNull() : add(s); }
    qsizetype size() const { return m_items.size(); }
    QString literal() const { return u'{' + m_items.join(u',') + u'}'; }

private:
    QStringList m_items;
};

} // namespace keel::db
