#include "problem_text.h"

#include "problem.h"

#include <QCoreApplication>
#include <QStringList>

namespace keel {

namespace {
// Translation context for the texts below.
class ProblemText
{
    Q_DECLARE_TR_FUNCTIONS(keel::ProblemText)
};

QString byStatus(int status)
{
    switch (status) {
    case 0:
        return ProblemText::tr(
            "The server cannot be reached. Check the server address and your network "
            "connection.");
    case 400:
        return ProblemText::tr("The server did not understand the request.");
    case 401:
        return ProblemText::tr("Your session has ended. Please sign in again.");
    case 403:
        return ProblemText::tr("You are not allowed to do this.");
    case 404:
        return ProblemText::tr("The requested item does not exist (any more).");
    case 409:
        return ProblemText::tr("This cannot be done in the item's current state.");
    case 412:
        return ProblemText::tr(
            "Someone else changed this item meanwhile. Reload it and try again.");
    case 422:
        return ProblemText::tr("Some entries are not valid.");
    case 423:
        return ProblemText::tr("The period is closed.");
    case 429:
        return ProblemText::tr("Too many attempts. Please wait a moment and try again.");
    case 503:
        return ProblemText::tr("The server is temporarily unavailable. Please try again shortly.");
    default:
        break;
    }
    if (status >= 500)
        return ProblemText::tr("The server ran into an error (%1). Please try again later.")
            .arg(status);
    return ProblemText::tr("The request failed (%1).").arg(status);
}
} // namespace

QString humanMessage(const Problem &problem)
{
    if (isNetworkProblem(problem))
        return problem.detail.isEmpty() ? byStatus(0) : problem.detail;

    QStringList fieldMessages;
    for (const FieldError &e : problem.errors)
        if (!e.message.isEmpty())
            fieldMessages.append(e.message);

    QString text = problem.detail.trimmed();
    if (text.isEmpty() && !fieldMessages.isEmpty())
        return fieldMessages.join(QLatin1Char('\n'));
    if (text.isEmpty())
        text = problem.title.trimmed();
    if (text.isEmpty())
        text = byStatus(problem.status);
    if (!fieldMessages.isEmpty())
        text += QLatin1Char('\n') + fieldMessages.join(QLatin1Char('\n'));
    return text;
}

Problem networkProblem(const QString &technical, bool timedOut)
{
    Problem p;
    p.status = 0;
    p.type = QLatin1String(NetworkErrorType);
    p.title = ProblemText::tr("Server not reachable");
    const QString lead =
        timedOut ? ProblemText::tr(
                       "The server did not answer in time. Check the server address and your "
                       "network connection.")
                 : byStatus(0);
    p.detail = technical.isEmpty() ? lead : ProblemText::tr("%1 (%2)").arg(lead, technical);
    return p;
}

bool isNetworkProblem(const Problem &problem)
{
    return problem.status == 0 && problem.type == QLatin1String(NetworkErrorType);
}

} // namespace keel
