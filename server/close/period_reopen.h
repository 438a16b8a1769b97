#pragma once

#include "close_store.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

struct Request;
class WorkflowService;

// Reopening a closed period (README "Period states"): a request with a reason goes to the
// workflow (document type period_reopen, a controller approves; never the requester), and the
// approval handler changes the period, in the approving transaction, audited.
namespace period_reopen {

// 202 body: the request with its approval request id. 409 when the period is not closed, a
// request is pending, or a neighbour forbids it (the next period closed further); 422 for the
// body.
QJsonObject request(QSqlDatabase db, const WorkflowService &workflow, const Request &request,
                    const CloseEntity &entity, QDate periodStart, const QJsonObject &body);

void registerHandlers(WorkflowService &workflow);

} // namespace period_reopen
} // namespace keel
