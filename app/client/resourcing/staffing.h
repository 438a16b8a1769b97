#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::resourcing {

// Paths of the resourcing API the client uses.
namespace ResourcingPath {
QString requests();
QString suggestions(const QString &requestId);
QString assignments();
QString capacity(const QDate &from, int weeks, const QString &groupBy);
QString bench(const QDate &from, int weeks);
} // namespace ResourcingPath

// A new assignment as the planner or the suggestions dialog books it.
struct AssignmentDraft
{
    QString employeeId;
    QString projectId;
    QString requestId; // when staffing a request
    QString startDate; // YYYY-MM-DD
    QString endDate;
    QString hoursPerWeek; // decimal text
    QString kind = QStringLiteral("hard");
    QString probability; // soft bookings: percent, decimal text (optional)
    bool confirmOverAllocation = false;

    QJsonObject toJson() const;
};

// Books assignments and fetches a request's suggestions. A booking beyond someone's capacity
// is refused by the server until a resource manager confirms it: overAllocation() carries the
// server's explanation, and book() again with confirmOverAllocation set confirms.
class Staffing : public QObject
{
    Q_OBJECT
public:
    explicit Staffing(ApiClient *api, QObject *parent = nullptr);

    void book(const AssignmentDraft &draft);
    void loadSuggestions(const QString &requestId);
    // Moves an assignment's end (drag to stretch in the planner); booked()/overAllocation() as
    // for a new booking.
    void stretch(const QString &assignmentId, const QString &endDate, int version,
                 bool confirmOverAllocation = false);
    // The person's assignments overlapping [from, to]: assignmentsLoaded().
    void loadAssignments(const QString &employeeId, const QDate &from, const QDate &to);

    // Candidates in the server's order: {employee_id, name, score, factors:[{factor, score,
    // weight, explanation}], …}.
    static QJsonArray candidatesOf(const QJsonObject &answer);
    // "Skill match 0.90 × 40 %: Kubernetes 4/3 …" lines of one candidate.
    static QStringList factorLines(const QJsonObject &candidate);
    static QString factorName(const QString &factor); // translated "Skill match" for "skill"

signals:
    void booked(const QJsonObject &assignment);
    void overAllocation(const QString &message);
    void bookingFailed(const QString &message);
    void suggestionsLoaded(const QJsonObject &request, const QJsonArray &candidates);
    void suggestionsFailed(const QString &message);
    void assignmentsLoaded(const QJsonArray &assignments);

private:
    void finishBooking(keel::ApiReply *reply);

    QPointer<ApiClient> m_api;
};

} // namespace keel::resourcing
