# Server tests for issue 8 (analytics): one fragment per family, each owned by its author.
foreach(_family core people projects finance revenue sales demo)
  include(${CMAKE_CURRENT_LIST_DIR}/analytics_${_family}_tests.cmake OPTIONAL)
endforeach()
