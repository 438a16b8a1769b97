# Server tests for issue 9 (insights): one fragment per part, each owned by its author.
foreach(_part platform opportunity_score margin_risk invoice_anomaly collections executive_forecast demo)
  include(${CMAKE_CURRENT_LIST_DIR}/insights_${_part}_tests.cmake OPTIONAL)
endforeach()
