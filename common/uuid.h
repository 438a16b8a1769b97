#pragma once

#include "result.h"

#include <QString>
#include <QStringView>
#include <QUuid>

namespace keel {

// A UUID for records clients create offline (time entries, expenses). Text form is the
// canonical 36-character 8-4-4-4-12 hex, lowercase on output, no braces.
class Uuid
{
public:
    Uuid() = default; // the nil UUID, isNull()
    explicit Uuid(const QUuid &q) : q_(q) {}

    static Uuid createV4();
    // Accepts exactly 36 chars 8-4-4-4-12 of hex digits, either case; rejects braces, urn:,
    // spaces, 32-digit form (InvalidFormat). The nil UUID parses (check isNull()).
    static Result<Uuid> parse(QStringView text);

    bool isNull() const { return q_.isNull(); }
    QString toString() const; // lowercase, no braces
    QUuid toQUuid() const { return q_; }

    friend bool operator==(const Uuid &a, const Uuid &b) { return a.q_ == b.q_; }
    friend bool operator<(const Uuid &a, const Uuid &b) { return a.q_ < b.q_; }

private:
    QUuid q_;
};

inline size_t qHash(const Uuid &u, size_t seed = 0)
{
    return qHash(u.toQUuid(), seed);
}

} // namespace keel
