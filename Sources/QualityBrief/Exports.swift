// `import QualityBrief` is all a caller needs: the register, filters, measures and their
// results, and the document model are public in these modules; their readers, scanners and
// other internals are `package` (visible to qbrief and the tests, not to other packages).
@_exported import BriefAnalytics
@_exported import BriefDocument
@_exported import BriefModel
