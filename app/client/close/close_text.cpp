#include "close_text.h"

#include "problem.h"
#include "problem_text.h"

#include <QCoreApplication>
#include <QHash>

namespace keel::closing {

namespace {
class CloseText
{
    Q_DECLARE_TR_FUNCTIONS(keel::closing::CloseText)
};

bool mentions(const Problem &p, const char *code)
{
    const QString c = QString::fromLatin1(code);
    if (p.type.endsWith(c) || p.detail.contains(c) || p.title.contains(c))
        return true;
    for (const FieldError &e : p.errors)
        if (e.code == c)
            return true;
    return false;
}
} // namespace

QString taskText(const QString &task, const QString &serverLabel)
{
    static const QHash<QString, const char *> names{
        {"missing_timesheets", QT_TRANSLATE_NOOP("keel::closing::CloseText", "Missing timesheets")},
        {"unapproved_time", QT_TRANSLATE_NOOP("keel::closing::CloseText", "Unapproved time")},
        {"unapproved_expenses",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Unapproved expenses")},
        {"unapproved_vendor_bills",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Unapproved vendor bills")},
        {"unbilled_time",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Approved time not billed")},
        {"draft_invoices",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Draft invoices not issued")},
        {"revenue_recognition",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Revenue recognition")},
        {"subcontractor_accruals",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Subcontractor accruals")},
        {"fx_revaluation", QT_TRANSLATE_NOOP("keel::closing::CloseText", "FX revaluation")},
        {"intercompany", QT_TRANSLATE_NOOP("keel::closing::CloseText", "Intercompany charges")},
        {"intercompany_balanced",
         QT_TRANSLATE_NOOP("keel::closing::CloseText", "Intercompany balanced")},
        {"trial_balance", QT_TRANSLATE_NOOP("keel::closing::CloseText", "Trial balance balanced")},
    };
    const char *n = names.value(task);
    if (n)
        return QCoreApplication::translate("keel::closing::CloseText", n);
    return serverLabel.isEmpty() ? task : serverLabel;
}

QString periodStatusText(const QString &status)
{
    if (status == QLatin1String("soft_closed"))
        return CloseText::tr("Soft-closed");
    if (status == QLatin1String("hard_closed"))
        return CloseText::tr("Closed");
    return CloseText::tr("Open");
}

QString signalText(const QString &state, bool signedOff)
{
    if (signedOff)
        return CloseText::tr("Signed off");
    if (state == QLatin1String("red"))
        return CloseText::tr("Red");
    if (state == QLatin1String("amber"))
        return CloseText::tr("Amber");
    if (state == QLatin1String("green"))
        return CloseText::tr("Green");
    return state;
}

QString runStatusText(const QString &status, int progress)
{
    if (status == QLatin1String("running"))
        return CloseText::tr("Running %1 %").arg(progress);
    if (status == QLatin1String("completed"))
        return CloseText::tr("Completed");
    if (status == QLatin1String("failed"))
        return CloseText::tr("Failed");
    return status;
}

QString actionProblemText(const Problem &problem, const QStringList &redItems)
{
    // The items the server names as blocking ("items/<task>"), with what it says of each.
    QStringList blocking;
    for (const FieldError &e : problem.errors)
        if (e.field.startsWith(QLatin1String("items/"))) {
            QString what = e.message;
            if (e.code == QLatin1String("not_signed_off"))
                what = CloseText::tr("%1, not signed off").arg(e.message);
            blocking.append(QStringLiteral("%1 (%2)").arg(taskText(e.field.mid(6)), what));
        }
    if (problem.status == 409 && mentions(problem, "checklist_red")) {
        const QStringList items = blocking.isEmpty() ? redItems : blocking;
        return items.isEmpty()
                   ? CloseText::tr("The period cannot be closed while checklist items are red.")
                   : CloseText::tr("The period cannot be closed while these items are red: %1.")
                         .arg(items.join(QStringLiteral(", ")));
    }
    if (problem.status == 409 && mentions(problem, "checklist_open"))
        return CloseText::tr("Every item must be green or signed off before the hard close; "
                             "still open: %1.")
            .arg(blocking.join(QStringLiteral(", ")));
    if (problem.status == 409 && mentions(problem, "previous_period_open"))
        return CloseText::tr("Close the previous period first: a period closes only after the "
                             "one before it.");
    if (problem.status == 423)
        return CloseText::tr("The period is closed: nothing in it can change any more. A "
                             "controller can approve a request to reopen it.");
    if (problem.status == 403)
        return CloseText::tr("You are not allowed to do this: the hard close and approving a "
                             "reopen need a controller.");
    // The close's conflicts repeat their detail as the field's message: say it once.
    if (!problem.detail.trimmed().isEmpty() && !isNetworkProblem(problem))
        return problem.detail.trimmed();
    return humanMessage(problem);
}

} // namespace keel::closing
