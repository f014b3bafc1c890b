// `import QualityBrief` is all a caller needs: the model, analytics and document types are
// part of the public API.
@_exported import BriefAnalytics
@_exported import BriefDocument
@_exported import BriefModel
